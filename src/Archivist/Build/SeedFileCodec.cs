using System.Text;
using Archivist.Content;

namespace Archivist.Build;

/// <summary>
/// A compact binary form of one seed file's <see cref="SeedFileResult"/>, so an unchanged seed is read
/// back instead of parsed again. Anything unexpected while reading throws <see cref="InvalidDataException"/>;
/// the cache then treats the entry as missing.
/// </summary>
/// <remarks>
/// Layout: magic, the texts (each post's body and comments), the header (name, size, diagnostics, and each
/// post's metadata with its comment count, digest and where its texts are), the header's offset and length,
/// magic. The texts stream straight to the file; a build reads only the headers (<see cref="ReadHeader"/>)
/// and each post's texts when something needs them, so a rebuild after one new seed does not decode the
/// whole archive.
/// </remarks>
public static class SeedFileCodec
{
    private const string Magic = "archivist-seed-v2";

    public static void Write(Stream stream, SeedFileResult result)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        var textsStart = stream.Position;
        var places = new List<(long Offset, int Length)>(result.Posts.Count);
        foreach (var composed in result.Posts)
        {
            var at = stream.Position; // BinaryWriter writes through: the stream's position is the entry's
            w.Write(composed.Post.Body);
            WriteComments(w, composed.Post.Comments);
            places.Add((at - textsStart, checked((int)(stream.Position - at))));
        }
        var textsLength = stream.Position - textsStart;

        using var header = new MemoryStream();
        using (var h = new BinaryWriter(header, Encoding.UTF8, leaveOpen: true))
        {
            h.Write(result.Name);
            h.Write(result.Bytes);
            h.Write(result.Skipped);
            h.Write(result.Diagnostics.Count);
            foreach (var d in result.Diagnostics)
            {
                h.Write((byte)d.Severity);
                h.Write(d.File);
                h.Write(d.Line ?? -1);
                h.Write(d.Message);
            }
            h.Write(result.Posts.Count);
            for (var i = 0; i < result.Posts.Count; i++)
            {
                var composed = result.Posts[i];
                h.Write(composed.Origin.File);
                h.Write(composed.Origin.Line);
                WriteOptional(h, composed.RequestedSlug);
                WriteOptional(h, composed.RequestedUrl);
                var p = composed.Post;
                h.Write(p.Title);
                h.Write(p.Date?.DayNumber ?? -1);
                h.Write(p.DateEstimated);
                h.Write(p.TitleInferred);
                h.Write(p.Slug);
                h.Write(p.Url);
                h.Write(p.Sources.Count);
                foreach (var s in p.Sources) h.Write(s);
                h.Write(p.CommentCount);
                h.Write(p.Digest);
                h.Write(places[i].Offset);
                h.Write(places[i].Length);
            }
            h.Write(textsLength);
        }
        w.Write(header.GetBuffer(), 0, (int)header.Length);
        w.Write(textsStart + textsLength);
        w.Write(checked((int)header.Length));
        w.Write(Magic); // a truncated entry fails here rather than yielding a partial post list
    }

    /// <summary>Reads a whole entry, texts included (tests, and entries already in memory).</summary>
    public static SeedFileResult Read(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var (offset, length) = HeaderPlace(bytes.AsSpan(Math.Max(0, bytes.Length - TrailerLength)), bytes.Length);
        return ReadHeader(bytes.AsSpan(checked((int)offset), length), offset, (at, count) => bytes.AsSpan(checked((int)at), count).ToArray(),
            fallback: null, materialise: true);
    }

    private static int MagicLength => Encoding.UTF8.GetByteCount(Magic) + 1;

    /// <summary>How many bytes to read from the end of an entry: the header's place and the closing magic.</summary>
    public static int TrailerLength => sizeof(long) + sizeof(int) + MagicLength;

    /// <summary>Where the header is, from an entry's last <see cref="TrailerLength"/> bytes and its length.</summary>
    public static (long Offset, int Length) HeaderPlace(ReadOnlySpan<byte> trailer, long entryLength)
    {
        if (trailer.Length != TrailerLength || entryLength < MagicLength + TrailerLength) throw new InvalidDataException("seed cache entry is truncated");
        var r = new SpanReader(trailer);
        var offset = r.ReadInt64();
        var length = r.ReadInt32();
        if (r.ReadString() != Magic) throw new InvalidDataException("seed cache entry is truncated");
        if (offset < MagicLength || length < 0 || offset + length != entryLength - TrailerLength)
            throw new InvalidDataException("bad header place in seed cache entry");
        return (offset, length);
    }

    /// <summary>
    /// Reads an entry's header — everything but the texts, which each post reads through <paramref name="read"/>
    /// (an offset and length in the entry) when first needed. A post whose texts cannot be read back, or do not
    /// match its digest, is read again through <paramref name="fallback"/> (the seed file).
    /// </summary>
    public static SeedFileResult ReadHeader(ReadOnlySpan<byte> header, long headerOffset, Func<long, int, byte[]> read, Func<int, Post>? fallback,
        bool materialise = false)
    {
        try
        {
            var r = new SpanReader(header);
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
            var textsStart = (long)MagicLength;
            var posts = new ComposedPost[r.ReadCount()];
            var places = new (long, int)[posts.Length];
            for (var i = 0; i < posts.Length; i++)
            {
                var origin = (r.ReadString(), r.ReadInt32());
                var slug = r.ReadOptional();
                var url = r.ReadOptional();
                var title = r.ReadString();
                var day = r.ReadInt32();
                var estimated = r.ReadBoolean();
                var inferred = r.ReadBoolean();
                var postSlug = r.ReadString();
                var postUrl = r.ReadString();
                var sources = ReadStrings(ref r);
                var count = r.ReadCount();
                var digest = r.ReadString();
                var (offset, length) = (r.ReadInt64(), r.ReadCount());
                places[i] = (offset, length);
                var index = i;
                var date = day < 0 ? (DateOnly?)null : DateOnly.FromDayNumber(day);
                var text = new CachedPostText(count, digest, () => DecodeTexts(read(textsStart + offset, length)),
                    (body, comments) => Post.DigestOf(title, date, estimated, inferred, body, comments),
                    fallback is null ? null : () => fallback(index));
                posts[i] = new ComposedPost(new Post
                {
                    Title = title,
                    Date = date,
                    DateEstimated = estimated,
                    TitleInferred = inferred,
                    Slug = postSlug,
                    Url = postUrl,
                    Sources = sources,
                    Text = text,
                }, origin, slug, url);
            }
            var textsLength = r.ReadInt64();
            if (!r.AtEnd) throw new InvalidDataException("trailing bytes in a seed cache header");
            if (textsStart + textsLength != headerOffset) throw new InvalidDataException("seed cache entry is truncated");
            foreach (var (offset, length) in places)
                if (offset < 0 || offset + length > textsLength) throw new InvalidDataException("a post's texts lie outside the seed cache entry");
            if (materialise)
                for (var i = 0; i < posts.Length; i++)
                {
                    var (body, comments) = DecodeTexts(read(textsStart + places[i].Item1, places[i].Item2));
                    posts[i] = posts[i] with { Post = posts[i].Post with { Body = body, Comments = comments } };
                }
            return new SeedFileResult(name, posts, diagnostics, size, skipped);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            throw new InvalidDataException("damaged seed cache entry: " + e.Message, e);
        }
    }

    private static (string Body, ValueList<Comment> Comments) DecodeTexts(byte[] bytes)
    {
        try
        {
            var r = new SpanReader(bytes);
            var body = r.ReadString();
            var comments = ReadComments(ref r);
            return r.AtEnd ? (body, comments) : throw new InvalidDataException("trailing bytes after a post's texts");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            throw new InvalidDataException("damaged texts in a seed cache entry: " + e.Message, e);
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

/// <summary>
/// A cached post's body and comments, read on first use and checked against the digest stored beside them;
/// texts that cannot be read or do not match come from the seed file instead, and if that does not match
/// either the seed changed during the build, which is an error.
/// </summary>
internal sealed class CachedPostText(int commentCount, string digest, Func<(string, ValueList<Comment>)> read,
    Func<string, ValueList<Comment>, string> digestOf, Func<Post>? fallback) : IPostText
{
    public int CommentCount => commentCount;
    public string Digest => digest;

    public (string Body, ValueList<Comment> Comments) Load()
    {
        try
        {
            var (body, comments) = read();
            if (digestOf(body, comments) == digest) return (body, comments);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // A cache entry replaced or removed under the build: the seed itself says what the texts are.
        }
        if (fallback?.Invoke() is { } post && post.Digest == digest) return (post.Body, post.Comments);
        throw new InvalidDataException("a seed changed while the site was being built; build again");
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
