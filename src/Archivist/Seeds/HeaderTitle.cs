namespace Archivist.Seeds;

/// <summary>
/// Whether the line after a date line can be a post's title. Blog titles are short phrases; a line that
/// reads as a sentence of prose, or opens a letter, means the date was quoted inside a body (a letter,
/// a press release), so it does not start a new post.
/// </summary>
public static class HeaderTitle
{
    private const int MaxSentenceWords = 8;

    private static readonly string[] Salutations = ["Dear ", "To whom it may concern"];

    public static bool IsPlausible(string line)
    {
        var text = line.Trim();
        foreach (var salutation in Salutations)
            if (text.StartsWith(salutation, StringComparison.OrdinalIgnoreCase)) return false;
        return !(EndsWithFullStop(text) && WordCount(text) > MaxSentenceWords);
    }

    /// <summary>One '.', not an ellipsis ("Wait for it...") or an abbreviation run.</summary>
    private static bool EndsWithFullStop(string text) => text.EndsWith('.') && !text.EndsWith("..", StringComparison.Ordinal);

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
