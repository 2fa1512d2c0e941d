using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Archivist.Content;

namespace Archivist.Search.Related;

/// <summary>
/// Every post's related list from the last build, by a key that holds all it depends on: the post and every post before
/// it (URL and <see cref="Post.Digest"/>, chained in <see cref="Indexing.DocumentOrder"/>), the analysis and the scoring
/// settings. A new newest post leaves every other key as it was, so only its list is worked out; a changed, added or
/// removed older post changes the keys of the posts after it. Kept in the search cache as <see cref="FileName"/>; a
/// file that cannot be read only costs working the lists out again.
/// </summary>
internal static class RelatedCache
{
    public const string FileName = "related-posts.bin";
    private const string Magic = "archivist-related-1";

    /// <summary>Each post's key, by order: a hash chained from the first post to it.</summary>
    public static string[] Keys(IReadOnlyList<Post> documents)
    {
        var keys = new string[documents.Count];
        Span<byte> chain = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{Magic}|{Indexing.IndexOfRecord.Version}|{RelatedScorer.Settings}"), chain);
        // Each link hashed in one call over its bytes gathered in a buffer (an incremental hash took four native calls a post).
        var buffer = new byte[256];
        for (var i = 0; i < documents.Count; i++)
        {
            var (url, digest) = (documents[i].Url, documents[i].ContentDigest);
            var size = chain.Length + 2 * sizeof(int) + 2 * (url.Length + digest.Length);
            if (buffer.Length < size) buffer = new byte[Math.Max(size, 2 * buffer.Length)];
            chain.CopyTo(buffer);
            var at = chain.Length;
            foreach (var text in (ReadOnlySpan<string>)[url, digest])
            {
                BitConverter.TryWriteBytes(buffer.AsSpan(at), text.Length); // length-prefixed: no two sequences of texts hash alike
                MemoryMarshal.AsBytes(text.AsSpan()).CopyTo(buffer.AsSpan(at + sizeof(int)));
                at += sizeof(int) + 2 * text.Length;
            }
            SHA256.HashData(buffer.AsSpan(0, at), chain);
            keys[i] = Convert.ToHexStringLower(chain[..16]);
        }
        return keys;
    }

    /// <summary>
    /// The keys and lists saved at <paramref name="path"/>, in the order they were saved (the posts' document order then);
    /// empty when there are none or they cannot be read.
    /// </summary>
    public static (string[] Keys, string[][] Lists) Load(string path)
    {
        try
        {
            using var reader = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), Encoding.UTF8);
            if (reader.ReadString() != Magic) return ([], []);
            var count = reader.ReadInt32();
            if (count < 0) return ([], []);
            var keys = new List<string>(Math.Min(count, 1 << 20));
            var lists = new List<string[]>(keys.Capacity);
            for (var i = 0; i < count; i++)
            {
                keys.Add(reader.ReadString());
                var urls = new string[reader.ReadByte()];
                for (var k = 0; k < urls.Length; k++) urls[k] = reader.ReadString();
                lists.Add(urls);
            }
            return ([.. keys], [.. lists]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or OverflowException)
        {
            return ([], []); // missing or damaged (EndOfStreamException is an IOException): the lists are worked out again
        }
    }

    /// <summary>Saves the lists (written whole under another name, then moved into place); a cache that cannot be written is only slower.</summary>
    public static void Save(string path, IReadOnlyList<string> keys, IReadOnlyList<string[]> lists)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var writer = new BinaryWriter(new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(keys.Count);
                for (var i = 0; i < keys.Count; i++)
                {
                    writer.Write(keys[i]);
                    writer.Write((byte)lists[i].Length);
                    foreach (var url in lists[i]) writer.Write(url);
                }
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { }
        }
    }
}
