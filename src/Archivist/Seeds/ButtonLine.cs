namespace Archivist.Seeds;

/// <summary>A line that is nothing but Blogger's comment buttons (<c>ReplyDelete</c>, <c>Replies</c>, <c>Delete</c>…), however indented.</summary>
public static class ButtonLine
{
    private static readonly HashSet<string> Buttons = ["ReplyDelete", "Reply Delete", "Delete", "Reply", "Replies"];

    // Span lookup: this is asked about many lines of every seed, and trimming a string would allocate.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Buttons.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Is(string line) => line.Length is > 0 and < 40 && Lookup.Contains(line.AsSpan().Trim());
}
