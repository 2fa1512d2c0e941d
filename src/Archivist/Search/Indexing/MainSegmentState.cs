using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Archivist.Content;
using Archivist.Search.Format;

namespace Archivist.Search.Indexing;

/// <summary>
/// What the last build wrote for the main segment (documents [0, <see cref="To"/>)), kept in the cache
/// directory so that a build adding posts after it keeps the segment's files instead of exporting them from
/// the index of record again: the export's counterpart of Lucene keeping its committed segments (the index of
/// record's segments do not line up with the browser's, which are cut by doc id). It holds a fingerprint of
/// the settings and of the main documents' inputs, the length sums behind the archive-wide averages, the
/// segment's entry in index.json, its files (shards, dictionary pages, shard table and the metadata chunks
/// of its documents) and the figures a build reports.
/// </summary>
public sealed record MainSegmentState(
    string Settings,
    int To,
    string Inputs,
    double[] LengthSums,
    double[] Averages,
    SegmentRef Segment,
    IReadOnlyList<string> Files,
    string MetaHashes,
    IReadOnlyList<string> Terms,
    int Shards,
    int LargestShard,
    long Bytes)
{
    public const string FileName = "main-segment.json";

    /// <summary>Bump when what the index holds changes in a way the settings do not show (format, analysis, scoring).</summary>
    private const string StateVersion = "main-segment-3";

    /// <summary>Everything besides the posts that decides the main segment's bytes.</summary>
    public static string SettingsOf(SearchIndexOptions options) =>
        string.Join('|', StateVersion, IndexFiles.FormatVersion, IndexOfRecord.Version, options.Scoring, options.TopImpacts,
            options.PositionBytes, options.ShardBytes, options.PageTerms, options.MetaChunkSize, options.TailSpan, options.Fragments);

    /// <summary>
    /// A SHA-256 over what the main documents' files are made of, in doc-id order: each post's URL and its
    /// <see cref="Post.ContentDigest"/> (title, date, body, every comment), length-prefixed, one post per task on every core.
    /// </summary>
    public static string InputsOf(IReadOnlyList<Post> documents, int count)
    {
        var hashes = new byte[count * SHA256.HashSizeInBytes];
        Parallel.For(0, count, () => IncrementalHash.CreateHash(HashAlgorithmName.SHA256), (i, _, hash) =>
        {
            var post = documents[i];
            void Add(string text)
            {
                Span<byte> length = stackalloc byte[sizeof(int)];
                BitConverter.TryWriteBytes(length, text.Length); // length-prefixed: no two sequences of texts hash alike
                hash.AppendData(length);
                hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
            }
            Add(post.Url);
            Add(post.ContentDigest); // title, date, body and every comment: known without reading a cached post's text
            hash.GetHashAndReset(hashes.AsSpan(i * SHA256.HashSizeInBytes, SHA256.HashSizeInBytes));
            return hash;
        }, hash => hash.Dispose());
        return Convert.ToHexStringLower(SHA256.HashData(hashes));
    }

    /// <summary>The state saved in <paramref name="directory"/>, or null when there is none or it cannot be read.</summary>
    public static MainSegmentState? TryRead(string directory)
    {
        try
        {
            var path = Path.Combine(directory, FileName);
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), MainSegmentStateJson.Default.MainSegmentState) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null; // a damaged state only costs a full build
        }
    }

    public void Write(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, FileName);
            var temp = path + "." + Environment.ProcessId + ".tmp";
            try
            {
                File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(this, MainSegmentStateJson.Default.MainSegmentState));
                File.Move(temp, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                File.Delete(temp); // a full disk leaves no half-written state behind
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A state that cannot be saved only costs a full build next time.
        }
    }

    /// <summary>Removes a saved state (when the index was built without one, it no longer describes the output).</summary>
    public static void Forget(string directory)
    {
        try
        {
            File.Delete(Path.Combine(directory, FileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The state file's JSON contract from the source generator (no reflection at each rebuild's start).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MainSegmentState))]
internal sealed partial class MainSegmentStateJson : JsonSerializerContext;
