namespace Archivist.Content;

/// <summary>
/// Closes the bidirectional-text controls a piece of text opens, so it cannot reorder what is printed after it:
/// a title with an unterminated right-to-left override (U+202E) reversed the rest of <c>&lt;title&gt;</c> (the site's
/// name) and of the listing line holding it. Embeddings and overrides (U+202A, B, D, E) are closed with U+202C,
/// isolates (U+2066–2068) with U+2069, innermost first, as the Unicode bidi algorithm pairs them.
/// </summary>
public static class BidiControls
{
    private const char PopFormatting = '\u202C', PopIsolate = '\u2069';

    public static string Close(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') < 0 && text.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') < 0) return text;
        var open = new List<char>(); // the closer each open control needs, outermost first
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u202A' or '\u202B' or '\u202D' or '\u202E': open.Add(PopFormatting); break;
                case '\u2066' or '\u2067' or '\u2068': open.Add(PopIsolate); break;
                case PopFormatting:
                    if (open.Count > 0 && open[^1] == PopFormatting) open.RemoveAt(open.Count - 1);
                    break;
                case PopIsolate:
                    // Closes the innermost open isolate and every embedding opened inside it; unmatched, it does nothing.
                    var isolate = open.LastIndexOf(PopIsolate);
                    if (isolate >= 0) open.RemoveRange(isolate, open.Count - isolate);
                    break;
            }
        }
        if (open.Count == 0) return text;
        open.Reverse();
        return text + new string([.. open]);
    }
}
