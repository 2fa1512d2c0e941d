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
        return candidates.Count == 0 ? "" : Shorten(candidates[0]);
    }

    public static bool IsHeadline(string line)
    {
        if (line.Length > MaxHeadlineLength || line.Contains("://", StringComparison.Ordinal)) return false;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words is < 2 or > 16) return false;
        if (!char.IsUpper(line[0]) && !char.IsDigit(line[0]) && line[0] is not ('"' or '“' or '‘' or '\'')) return false;
        return line[^1] is not ('.' or ',' or ';' or ':' or '-' or '–');
    }

    /// <summary>The first sentence, cut at a word boundary with an ellipsis when long.</summary>
    public static string Shorten(string line)
    {
        var sentenceEnd = line.IndexOfAny(['.', '!', '?']);
        var text = sentenceEnd > 20 ? line[..(sentenceEnd + 1)] : line;
        if (text.Length <= FallbackLength) return text.TrimEnd(':', '-', ' ', ',');
        var cut = text.LastIndexOf(' ', FallbackLength);
        return text[..(cut > 20 ? cut : FallbackLength)].TrimEnd(',', ';', ':', '-', ' ') + "…";
    }
}
