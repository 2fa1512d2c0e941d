using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Archivist.Content;
using Archivist.Search.Format;
using Archivist.Search.Scoring;

namespace Archivist.Search.Indexing;

/// <summary>
/// Analysed posts on disk between builds, one file per post named by a hash of everything analysis reads
/// (title, body, comment ids and texts, and the analyzer version), so an unchanged post is not analysed
/// again and a changed one can never hit a stale entry. A damaged or unreadable entry is a miss.
/// </summary>
public sealed class AnalysisCache(string directory)
{
    /// <summary>Bump when analysis changes: old entries then miss and are replaced.</summary>
    public const string AnalyzerVersion = "analysis-1";

    public static string KeyOf(Post post)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(s));
            hash.AppendData([0]);
        }
        Add(AnalyzerVersion);
        Add(post.Title);
        Add(post.Body);
        foreach (var c in post.AllComments())
        {
            Add(c.Id);
            Add(c.Text);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private string PathOf(string key) => Path.Combine(directory, key[..2], key + ".bin");

    public DocumentAnalysis? TryRead(string key)
    {
        try
        {
            var path = PathOf(key);
            if (!File.Exists(path)) return null;
            using var stream = new BrotliStream(File.OpenRead(path), CompressionMode.Decompress);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return Decode(memory.ToArray());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // damaged, truncated or unreadable: analyse again (Brotli reports bad data in several ways)
        }
    }

    public void Write(string key, DocumentAnalysis analysis)
    {
        try
        {
            var path = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Environment.CurrentManagedThreadId + ".tmp";
            using (var stream = new BrotliStream(File.Create(temp), CompressionLevel.Fastest))
                stream.Write(Encode(analysis));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs speed next time.
        }
    }

    private static byte[] Encode(DocumentAnalysis a)
    {
        var w = new VarIntWriter(a.Terms.Count * 16);
        w.Write((int)a.Lengths.Title);
        w.Write((int)a.Lengths.Body);
        w.Write((int)a.Lengths.Comments);
        w.Write(a.PassageStarts.Length);
        foreach (var s in a.PassageStarts) w.Write(s);
        WriteString(w, string.Join(' ', a.CommentIds));
        w.Write(a.Terms.Count);
        foreach (var t in a.Terms)
        {
            WriteString(w, t.Term);
            w.Write(t.TitleFrequency);
            w.Write(t.BodyFrequency);
            w.Write(t.CommentsFrequency);
            var previous = 0;
            foreach (var p in t.Positions)
            {
                w.Write(p - previous);
                previous = p;
            }
        }
        return w.ToArray();
    }

    private static DocumentAnalysis Decode(byte[] data)
    {
        var r = new VarIntReader(data);
        var lengths = new FieldLengths(r.ReadInt(), r.ReadInt(), r.ReadInt());
        var starts = new int[r.ReadInt()];
        for (var i = 0; i < starts.Length; i++) starts[i] = r.ReadInt();
        var ids = ReadString(ref r);
        var terms = new DocTerm[r.ReadInt()];
        for (var i = 0; i < terms.Length; i++)
        {
            var term = ReadString(ref r);
            int title = r.ReadInt(), body = r.ReadInt(), comments = r.ReadInt();
            var positions = new int[title + body + comments];
            var p = 0;
            for (var k = 0; k < positions.Length; k++) positions[k] = p += r.ReadInt();
            terms[i] = new DocTerm(term, title, body, comments, positions);
        }
        if (!r.AtEnd) throw new FormatException("trailing bytes in a cached analysis");
        return new DocumentAnalysis(terms, lengths, starts, ids.Length == 0 ? [] : ids.Split(' '));
    }

    private static void WriteString(VarIntWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write(bytes.Length);
        w.WriteBytes(bytes);
    }

    private static string ReadString(ref VarIntReader r) => Encoding.UTF8.GetString(r.ReadBytes(r.ReadInt()));
}
