using System.Text;
using Archivist.Content;

namespace Archivist.Build;

/// <summary>
/// What one seed file parsed to, without the texts: its name, size and diagnostics, and each post's metadata
/// with its comment count and <see cref="Post.ContentDigest"/>, so an unchanged seed is not parsed again for a build
/// to know its posts. Anything unexpected while reading throws <see cref="InvalidDataException"/>; the cache
/// then treats the entry as missing.
/// </summary>
/// <remarks>
/// A post read back carries no text (<see cref="Post.Text"/> is null): the <see cref="SeedCache"/> reads it, when a
/// stage asks, by parsing its seed again, so the cache holds no second copy of the archive's text. Layout: magic,
/// the entry, magic.
/// </remarks>
public static class SeedFileCodec
{
    private const string Magic = "archivist-seed-v4";
    private const string MagicFamily = "archivist-seed-v"; // every version's entries start so

    /// <summary>
    /// True when the file at <paramref name="path"/> starts as a seed cache entry of any version (half-written ones
    /// included): what the cache may prune. A regular file only; never through a link.
    /// </summary>
    public static bool IsEntry(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null) return false;
            Span<byte> head = stackalloc byte[32];
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var r = new SpanReader(head[..n]);
            return r.ReadString().StartsWith(MagicFamily, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            return false;
        }
    }

    public static void Write(Stream stream, SeedFileResult result)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(result.Name);
        w.Write(result.Bytes);
        w.Write(result.Skipped);
        w.Write(result.Diagnostics.Count);
        foreach (var d in result.Diagnostics)
        {
            w.Write((byte)d.Severity);
            w.Write(d.File);
            w.Write(d.Line ?? -1);
            w.Write(d.Message);
        }
        w.Write(result.Posts.Count);
        foreach (var composed in result.Posts)
        {
            w.Write(composed.Origin.File);
            w.Write(composed.Origin.Line);
            WriteOptional(w, composed.RequestedSlug);
            WriteOptional(w, composed.RequestedUrl);
            var p = composed.Post;
            w.Write(p.Title);
            w.Write(p.Date?.DayNumber ?? -1);
            w.Write(p.DateEstimated);
            w.Write(p.TitleInferred);
            w.Write(p.Slug);
            w.Write(p.Url);
            w.Write(p.Sources.Count);
            foreach (var s in p.Sources) w.Write(s);
            w.Write(p.CommentsCaptured);
            w.Write(p.CommentCount);
            w.Write(p.ContentDigest);
        }
        w.Write(Magic); // a truncated entry fails here rather than yielding a partial post list
    }

    /// <summary>Reads an entry: its posts without their texts, each with its comment count and digest.</summary>
    public static SeedFileResult Read(ReadOnlySpan<byte> bytes)
    {
        var r = new SpanReader(bytes);
        try
        {
            if (r.ReadString() != Magic) throw new InvalidDataException("not a seed cache entry");
            var name = r.ReadString();
            var size = r.ReadInt64();
            var skipped = r.ReadBoolean();
            var diagnostics = new Diagnostic[r.ReadCount()];
            for (var i = 0; i < diagnostics.Length; i++)
            {
                var severity = r.ReadByte();
                if (severity > (byte)DiagnosticSeverity.Warning) throw new InvalidDataException("bad severity in seed cache entry");
                var file = r.ReadString();
                var line = r.ReadInt32();
                diagnostics[i] = new Diagnostic((DiagnosticSeverity)severity, file, line < 0 ? null : line, r.ReadString());
            }
            var posts = new IncomingPost[r.ReadCount()];
            for (var i = 0; i < posts.Length; i++)
            {
                var origin = (r.ReadString(), r.ReadInt32());
                var slug = r.ReadOptional();
                var url = r.ReadOptional();
                var title = r.ReadString();
                var day = r.ReadInt32();
                var post = new Post
                {
                    Title = title,
                    Date = day < 0 ? null : DateOnly.FromDayNumber(day),
                    DateEstimated = r.ReadBoolean(),
                    TitleInferred = r.ReadBoolean(),
                    Slug = r.ReadString(),
                    Url = r.ReadString(),
                    Sources = ReadStrings(ref r),
                    CommentsCaptured = r.ReadBoolean(),
                    CommentCount = r.ReadCount(),
                    ContentDigest = r.ReadString(),
                };
                posts[i] = new IncomingPost(post, origin, slug, url);
            }
            if (r.ReadString() != Magic || !r.AtEnd) throw new InvalidDataException("seed cache entry is truncated");
            return new SeedFileResult(name, posts, diagnostics, size, skipped);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            throw new InvalidDataException("damaged seed cache entry: " + e.Message, e);
        }
    }

    private static string[] ReadStrings(ref SpanReader r)
    {
        var items = new string[r.ReadCount()];
        for (var i = 0; i < items.Length; i++) items[i] = r.ReadString();
        return items;
    }

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }
}

/// <summary>Reads what <see cref="BinaryWriter"/> wrote, from memory; past the end is an <see cref="InvalidDataException"/>.</summary>
internal ref struct SpanReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n < 0 || _at + n > _bytes.Length) throw new InvalidDataException("seed cache entry ends early");
        var slice = _bytes.Slice(_at, n);
        _at += n;
        return slice;
    }

    public byte ReadByte() => Take(1)[0];
    public bool ReadBoolean() => ReadByte() != 0;
    public int ReadInt32() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Take(4));
    public long ReadInt64() => System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public int ReadCount()
    {
        var n = ReadInt32();
        return n is >= 0 and <= 10_000_000 ? n : throw new InvalidDataException("bad count in seed cache entry");
    }

    public string ReadString()
    {
        // BinaryWriter's length prefix: 7 bits a byte, low bits first.
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28) throw new InvalidDataException("bad string length in seed cache entry");
            var b = ReadByte();
            length |= (b & 0x7F) << shift;
            if (b < 0x80) break;
        }
        return length == 0 ? "" : Encoding.UTF8.GetString(Take(length));
    }

    public string? ReadOptional() => ReadBoolean() ? ReadString() : null;

    public readonly bool AtEnd => _at == _bytes.Length;
}
