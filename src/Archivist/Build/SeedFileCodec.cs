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
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadString() != Magic) throw new InvalidDataException("not a seed cache entry");
            var name = r.ReadString();
            var bytes = r.ReadInt64();
            var skipped = r.ReadBoolean();
            var diagnostics = new Diagnostic[Count(r)];
            for (var i = 0; i < diagnostics.Length; i++)
            {
                var severity = (DiagnosticSeverity)r.ReadByte();
                var file = r.ReadString();
                var line = r.ReadInt32();
                diagnostics[i] = new Diagnostic(severity, file, line < 0 ? null : line, r.ReadString());
            }
            var posts = new ComposedPost[Count(r)];
            for (var i = 0; i < posts.Length; i++)
            {
                var origin = (r.ReadString(), r.ReadInt32());
                var slug = ReadOptional(r);
                var url = ReadOptional(r);
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
                    Sources = Enumerable.Range(0, Count(r)).Select(_ => r.ReadString()).ToArray(),
                    Body = r.ReadString(),
                    Comments = ReadComments(r),
                };
                posts[i] = new ComposedPost(post, origin, slug, url);
            }
            if (r.ReadString() != Magic) throw new InvalidDataException("seed cache entry is truncated");
            return new SeedFileResult(name, posts, diagnostics, bytes, skipped);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException or OverflowException)
        {
            throw new InvalidDataException("damaged seed cache entry: " + e.Message, e);
        }
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

    private static ValueList<Comment> ReadComments(BinaryReader r)
    {
        var comments = new Comment[Count(r)];
        for (var i = 0; i < comments.Length; i++)
        {
            var id = r.ReadString();
            var text = r.ReadString();
            comments[i] = new Comment(id, text, ReadComments(r));
        }
        return comments;
    }

    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        return n is >= 0 and <= 10_000_000 ? n : throw new InvalidDataException("bad count in seed cache entry");
    }

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
