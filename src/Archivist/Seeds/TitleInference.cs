namespace Archivist.Seeds;

/// <summary>
/// Picks a title for a post whose seed has none: the first short, headline-shaped line near the top
/// (quoted articles usually open with their headline), else the opening words of the first line.
/// The line stays in the body; nothing is removed.
/// </summary>
public static class TitleInference
{
    private const int LinesToSearch = 4;
    private const int MaxHeadlineLength = 120;
    private const int FallbackLength = 70;

    public static string Infer(IReadOnlyList<string> bodyLines)
    {
        var candidates = bodyLines.Select(l => l.Trim()).Where(l => l.Length > 0).Take(LinesToSearch).ToList();
        foreach (var line in candidates)
            if (IsHeadline(line)) return line;
        // A line that is only a link gives no words to show, so the next line is tried.
        foreach (var line in candidates)
            if (Shorten(line) is { Length: > 0 } shortened) return shortened;
        return "";
    }

    public static bool IsHeadline(string line)
    {
        if (line.Length > MaxHeadlineLength || line.Contains("://", StringComparison.Ordinal)) return false;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words is < 2 or > 16) return false;
        if (!char.IsUpper(line[0]) && !char.IsDigit(line[0]) && line[0] is not ('"' or '“' or '‘' or '\'')) return false;
        return line[^1] is not ('.' or ',' or ';' or ':' or '-' or '–');
    }

    /// <summary>
    /// The first sentence, cut at a word boundary with an ellipsis when long. A URL is never cut: its dots
    /// do not end a sentence, and a URL that does not fit is left out whole. Empty when nothing but a URL fits.
    /// </summary>
    public static string Shorten(string line)
    {
        var text = FirstSentence(line);
        if (text.Length <= FallbackLength) return text.TrimEnd(':', '-', ' ', ',');

        var cut = 0;
        var beforeUrl = 0; // where the text stood before the last URL kept, which would end the title badly
        foreach (var (start, end) in Words(text))
        {
            if (end > FallbackLength)
            {
                // Nothing worth keeping before a too-long word: cut inside it, unless it is a URL.
                if (cut <= 20) cut = IsUrl(text[start..end]) ? cut : FallbackLength;
                break;
            }
            if (IsUrl(text[start..end])) beforeUrl = cut;
            cut = end;
        }
        if (cut < text.Length && IsUrl(LastWord(text[..cut])) && beforeUrl > 0) cut = beforeUrl;
        var kept = text[..cut].TrimEnd(',', ';', ':', '-', ' ');
        return kept.Length == 0 ? "" : kept + "…";
    }

    private static string FirstSentence(string line)
    {
        foreach (var (start, end) in Words(line))
            if (end > 21 && line[end - 1] is '.' or '!' or '?' && !IsUrl(line[start..end])) return line[..end];
        return line;
    }

    /// <summary>(start, end) of each run of non-space characters.</summary>
    private static IEnumerable<(int Start, int End)> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == ' ') i++;
            var start = i;
            while (i < text.Length && text[i] != ' ') i++;
            if (i > start) yield return (start, i);
        }
    }

    private static string LastWord(string text) => text[(text.LastIndexOf(' ') + 1)..];

    private static bool IsUrl(string word) =>
        word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
}
