namespace Archivist.Output;

/// <summary>
/// Reads a UTF-8 file a line at a time as bytes, through one small buffer. The build's bookkeeping files have a line per
/// output file and are read on every build: decoded whole they were a 4–6 MB string (a large-object allocation), and
/// each line a string of its own, where only a few fields of each line are kept.
/// </summary>
internal static class Utf8Lines
{
    public delegate void LineAction(ReadOnlySpan<byte> line);

    /// <summary>Calls <paramref name="action"/> with every line of <paramref name="stream"/>, without its '\n' (and without a leading byte-order mark).</summary>
    public static void ForEach(Stream stream, LineAction action)
    {
        var buffer = new byte[32 * 1024];
        var filled = 0;
        var first = true;
        while (true)
        {
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            var end = filled + read;
            var start = 0;
            if (first && end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) start = 3;
            first = false;
            // Only the bytes just read can hold a new line end; those before were searched already.
            var searched = filled;
            while (true)
            {
                var newline = buffer.AsSpan(Math.Max(start, searched), end - Math.Max(start, searched)).IndexOf((byte)'\n');
                if (newline < 0) break;
                var at = Math.Max(start, searched) + newline;
                action(buffer.AsSpan(start, at - start));
                start = at + 1;
                searched = start;
            }
            if (read == 0)
            {
                if (end > start) action(buffer.AsSpan(start, end - start));
                return;
            }
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            filled = end - start;
        }
    }

    /// <summary>
    /// Splits <paramref name="line"/> at tabs into <paramref name="fields"/>; returns how many fields the line has (which
    /// may be more than were stored, as with <see cref="MemoryExtensions.Split(ReadOnlySpan{char}, Span{Range}, char, StringSplitOptions)"/> it is not).
    /// </summary>
    public static int Fields(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var tab = line[start..].IndexOf((byte)'\t');
            var end = tab < 0 ? line.Length : start + tab;
            if (count < fields.Length) fields[count] = start..end;
            count++;
            if (tab < 0) return count;
            start = end + 1;
        }
    }

    /// <summary>A non-negative number written in digits only (no sign, no spaces), as the tool writes sizes and times.</summary>
    public static bool TryParseDigits(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 18) return false;
        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (d - '0');
        }
        return true;
    }
}
