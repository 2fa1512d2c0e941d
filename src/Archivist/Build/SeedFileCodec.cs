using System.Text;
using Archivist.Content;

namespace Archivist.Build;

/// <summary>
/// A compact binary form of one seed file's <see cref="SeedFileResult"/>, so an unchanged seed is read
/// back instead of parsed again. Anything unexpected while reading throws <see cref="InvalidDataException"/>;
/// the cache then treats the entry as missing.
/// </summary>
public static class SeedFileCodec
{
    private const string Magic = "archivist-seed-v1";

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
            w.Write(p.Body);
            WriteComments(w, p.Comments);
        }
        w.Write(Magic); // a truncated entry fails here rather than yielding a partial post list
    }

    public static SeedFileResult Read(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    /// <summary>Reads an entry from its bytes (faster than a stream: long texts decode in one go).</summary>
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
                if (severity > (byte)DiagnosticSeverity.Error) throw new InvalidDataException("bad severity in seed cache entry");
                var file = r.ReadString();
                var line = r.ReadInt32();
                diagnostics[i] = new Diagnostic((DiagnosticSeverity)severity, file, line < 0 ? null : line, r.ReadString());
            }
            var posts = new ComposedPost[r.ReadCount()];
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
                    Body = r.ReadString(),
                    Comments = ReadComments(ref r),
                };
                posts[i] = new ComposedPost(post, origin, slug, url);
            }
            if (r.ReadString() != Magic) throw new InvalidDataException("seed cache entry is truncated");
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

    private static ValueList<Comment> ReadComments(ref SpanReader r)
    {
        var comments = new Comment[r.ReadCount()];
        for (var i = 0; i < comments.Length; i++)
        {
            var id = r.ReadString();
            var text = r.ReadString();
            comments[i] = new Comment(id, text, ReadComments(ref r));
        }
        return comments;
    }

    private static void WriteComments(BinaryWriter w, ValueList<Comment> comments)
    {
        w.Write(comments.Count);
        foreach (var c in comments)
        {
            w.Write(c.Id);
            w.Write(c.Text);
            WriteComments(w, c.Replies);
        }
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
}
