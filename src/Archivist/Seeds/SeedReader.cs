using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Archivist.Files;

namespace Archivist.Seeds;

/// <summary>
/// Reads seed files from disk without ever failing the whole run: binary or unreadable files become
/// an error diagnostic and are skipped; invalid UTF-8 is recovered byte by byte (as Windows-1252,
/// the usual source of such bytes) with a warning naming the line; UTF-16 with a byte order mark
/// (as Windows editors save "Unicode") is decoded as such, with a note.
/// </summary>
public sealed class SeedReader
{
    /// <summary>Extensions taken as seeds: raw dumps (.txt) and finished posts (.md).</summary>
    public static readonly IReadOnlyList<string> SeedExtensions = [".txt", ".md"];

    public long MaxFileBytes { get; init; } = 1L << 30;

    /// <summary>Seed files under <paramref name="directory"/>, as (full path, name relative to it with '/').</summary>
    public static IReadOnlyList<(string Path, string Name)> List(string directory) => Scan(directory).Files;

    /// <summary>The seed files under <paramref name="directory"/> in name order, and a warning for each thing there that is not read (see <see cref="InputFolder"/>).</summary>
    public static (IReadOnlyList<(string Path, string Name)> Files, IReadOnlyList<Diagnostic> Skipped) Scan(string directory)
    {
        var listing = InputFolder.Scan(directory, name => SeedExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase));
        return (listing.Files.Select(f => (f.Path, f.Name)).ToList(),
                listing.Skipped.Select(s => Diagnostic.Warning(s.Name, null, s.Reason)).ToList());
    }

    public (SeedSource? Source, IReadOnlyList<Diagnostic> Diagnostics) Read(string path, string name)
    {
        // The bytes are a pooled buffer: seeds are a few hundred kilobytes each, and a fresh array per file
        // is a large-object allocation, each of which brings a full collection nearer.
        byte[]? rented = null;
        try
        {
            int length;
            try
            {
                using var handle = File.OpenHandle(path);
                var size = RandomAccess.GetLength(handle);
                if (size > MaxFileBytes)
                    return (null, [Diagnostic.Warning(name, null, $"file is {size / (1024 * 1024)} MB, over the {MaxFileBytes / (1024 * 1024)} MB limit for one seed; skipped")]);
                rented = ArrayPool<byte>.Shared.Rent((int)size + 1);
                length = 0;
                while (RandomAccess.Read(handle, rented.AsSpan(length), length) is var n and > 0)
                {
                    length += n;
                    if (length == rented.Length) break; // grew while being read: what was there when we looked is read
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, [Diagnostic.Warning(name, null, $"cannot read file ({e.Message}); skipped")]);
            }
            return Decode(name, rented.AsSpan(0, length));
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static (SeedSource? Source, IReadOnlyList<Diagnostic> Diagnostics) Decode(string name, ReadOnlySpan<byte> bytes)
    {
        // Before the binary check: every other byte of UTF-16 text is NUL.
        if (Utf16Bom(bytes) is { } bigEndian) return DecodeUtf16(name, bytes, bigEndian);
        if (LooksBinary(bytes))
            return (null, [Diagnostic.Warning(name, null, "looks like a binary file, not text; skipped")]);

        var diagnostics = new List<Diagnostic>();
        string text;
        if (Utf8.IsValid(bytes))
        {
            // Decoded into a pooled buffer and split from there: only the lines become strings.
            var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
            try
            {
                var count = Encoding.UTF8.GetChars(bytes, chars);
                return (ToSource(name, chars.AsSpan(0, count), bytes.Length, diagnostics), diagnostics);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
        else
        {
            text = DecodeLenient(bytes, out var badLines);
            var shown = string.Join(", ", badLines.Take(5)) + (badLines.Count > 5 ? $" and {badLines.Count - 5} more" : "");
            diagnostics.Add(Diagnostic.Warning(name, badLines[0],
                $"invalid UTF-8 on line{(badLines.Count > 1 ? "s" : "")} {shown}; those bytes were read as Windows-1252"));
        }
        return (ToSource(name, text, bytes.Length, diagnostics), diagnostics);
    }

    private static SeedSource ToSource(string name, ReadOnlySpan<char> text, long byteLength, List<Diagnostic> diagnostics)
    {
        var forbidden = new List<(int Line, int CodePoint)>();
        var source = new SeedSource(name, TextNormalizer.SplitLines(text, forbidden)) { ByteLength = byteLength };
        if (forbidden.Count > 0) diagnostics.Add(ForbiddenWarning(name, forbidden));
        if (source.Lines.All(string.IsNullOrEmpty))
            diagnostics.Add(Diagnostic.Warning(name, null, "file is empty; no posts"));
        return source;
    }

    private static Diagnostic ForbiddenWarning(string name, List<(int Line, int CodePoint)> forbidden)
    {
        var lines = forbidden.Select(f => f.Line).Distinct().ToList();
        var shown = string.Join(", ", lines.Take(5)) + (lines.Count > 5 ? $" and {lines.Count - 5} more" : "");
        return Diagnostic.Warning(name, lines[0],
            $"characters that XML and HTML forbid ({TextNormalizer.Describe(forbidden.Select(f => f.CodePoint))}) on line{(lines.Count > 1 ? "s" : "")} {shown}; " +
            "removed (controls became spaces)");
    }

    /// <summary>True for a big-endian byte order mark (FE FF), false for little-endian (FF FE), null for none.</summary>
    private static bool? Utf16Bom(ReadOnlySpan<byte> bytes) =>
        bytes.Length < 2 ? null
        : bytes[0] == 0xFF && bytes[1] == 0xFE ? false
        : bytes[0] == 0xFE && bytes[1] == 0xFF ? true
        : null;

    private static (SeedSource? Source, IReadOnlyList<Diagnostic> Diagnostics) DecodeUtf16(string name, ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var order = bigEndian ? "big-endian" : "little-endian";
        var diagnostics = new List<Diagnostic> { Diagnostic.Info(name, null, $"file is UTF-16 ({order}, with a byte order mark); decoded as such") };
        var body = bytes[2..];
        string text;
        try
        {
            text = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            text = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: false).GetString(body);
            diagnostics.Add(Diagnostic.Warning(name, null, "invalid UTF-16 (a broken surrogate pair or an odd byte at the end); replaced with U+FFFD"));
        }
        if (LooksBinary(text))
            return (null, [Diagnostic.Warning(name, null, "starts like UTF-16 text but looks like a binary file; skipped")]);
        return (ToSource(name, text, bytes.Length, diagnostics), diagnostics);
    }

    /// <summary>The binary test on decoded text: NUL or a high share of other control characters.</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 32 * 1024));
        if (sample.Contains('\0')) return true;
        var controls = 0;
        foreach (var c in sample)
            if (c < ' ' && c is not '\n' and not '\r' and not '\t' and not '\f') controls++;
        return sample.Length > 0 && controls * 20 > sample.Length;
    }

    /// <summary>NUL bytes never occur in text; a high share of other control bytes means binary too.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        if (sample.IndexOf((byte)0) >= 0) return true;
        // From one control byte to the next, vectorised: text has little but line ends among them.
        var controls = 0;
        for (var rest = sample; ;)
        {
            var at = rest.IndexOfAnyInRange((byte)0, (byte)0x1F);
            if (at < 0) break;
            if (rest[at] is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C) controls++;
            rest = rest[(at + 1)..];
        }
        return sample.Length > 0 && controls * 20 > sample.Length;
    }

    private static string DecodeLenient(ReadOnlySpan<byte> bytes, out List<int> badLines)
    {
        badLines = [];
        var sb = new StringBuilder(bytes.Length);
        var line = 1;
        while (!bytes.IsEmpty)
        {
            var status = System.Buffers.OperationStatus.Done;
            status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                if (rune.Value == '\n') line++;
                sb.Append(rune.ToString());
                bytes = bytes[consumed..];
                continue;
            }
            if (badLines.Count == 0 || badLines[^1] != line) badLines.Add(line);
            sb.Append(Windows1252(bytes[0]));
            bytes = bytes[1..];
        }
        return sb.ToString();
    }

    // Bytes 0x80–0x9F of Windows-1252; the rest of the high half is Latin-1.
    private const string Cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    private static char Windows1252(byte b) => b is >= 0x80 and <= 0x9F ? Cp1252High[b - 0x80] : (char)b;
}
