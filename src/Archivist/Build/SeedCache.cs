using System.Collections.Concurrent;
using Archivist.Content;
using Archivist.Hashing;

namespace Archivist.Build;

/// <summary>
/// What each seed file parsed to, kept between builds under <c>cache/seeds/</c>, keyed by the tool's
/// version, the file's name and its content hash: adding one seed to 10,000 parses only that one, and the
/// others' posts are known from their entries (metadata, comment counts, digests; see <see cref="SeedFileCodec"/>)
/// until a page needs a post's text. A missing or damaged entry is parsed again and rewritten; it never fails a build.
/// </summary>
/// <remarks>
/// It is also where the stages read the texts of the posts it gave without them (<see cref="PostTexts"/>): the
/// seed is parsed again, once however many of its posts are read, and each post must have the digest the entry
/// stored; if not, the seed changed since its hash was taken (<see cref="SeedChangedException"/>).
/// </remarks>
public sealed class SeedCache(string? cacheDirectory, string toolId) : PostTexts
{
    /// <summary>Post digest → its seed parsed again on first use, and the post's place in it.</summary>
    private readonly ConcurrentDictionary<string, (Lazy<SeedFileResult> Seed, int Index)> _texts = new(StringComparer.Ordinal);

    private string? Folder => cacheDirectory is null ? null : Path.Combine(cacheDirectory, "seeds");

    public SeedFileResult Load(SeedFileInfo file, out bool hit)
    {
        hit = false;
        var path = EntryPath(file);
        if (path is not null && File.Exists(path))
        {
            try
            {
                var cached = SeedFileCodec.Read(File.ReadAllBytes(path));
                if (cached.Name == file.Name)
                {
                    hit = true;
                    var parsed = new Lazy<SeedFileResult>(() => SeedFileLoader.Load(file.Path, file.Name), LazyThreadSafetyMode.ExecutionAndPublication);
                    for (var i = 0; i < cached.Posts.Count; i++) _texts.TryAdd(cached.Posts[i].Post.ContentDigest, (parsed, i));
                    return cached;
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                // A damaged entry is just a miss.
            }
        }
        var result = SeedFileLoader.Load(file.Path, file.Name);
        if (path is not null) CacheFiles.WriteAtomic(path, stream => SeedFileCodec.Write(stream, result));
        return result;
    }

    protected override PostText Load(Post post)
    {
        if (!_texts.TryGetValue(post.ContentDigest, out var at))
            throw new InvalidOperationException($"post {post.Url} carries no text and did not come from the seed cache");
        var posts = at.Seed.Value.Posts;
        // Equal digests mean equal texts, so a post merged from several seeds may read any copy's.
        if (at.Index < posts.Count && posts[at.Index].Post is { Text: { } text } parsed && parsed.ContentDigest == post.ContentDigest) return text;
        throw new SeedChangedException(at.Seed.Value.Name);
    }

    /// <summary>
    /// Deletes entries no current seed uses (old versions of edited or removed seeds): only in a folder marked as the
    /// cache (<see cref="CacheMarker"/>), and only files that read as an entry, never another file that is there.
    /// </summary>
    public void Prune(IEnumerable<SeedFileInfo> live)
    {
        if (Folder is null || !Directory.Exists(Folder) || !CacheMarker.IsMarked(cacheDirectory)) return;
        var keep = new HashSet<string>(live.Select(EntryPath).OfType<string>(), StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            if (keep.Contains(file) || !SeedFileCodec.IsEntry(file)) continue;
            try { File.Delete(file); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private string? EntryPath(SeedFileInfo file) =>
        Folder is null ? null : Path.Combine(Folder, HashBuilder.Of(toolId, file.Name, file.Hash) + ".bin");
}
