using Archivist.Content;
using Archivist.Rendering;

namespace Archivist.Build;

/// <summary>
/// What each seed file parsed to, kept between builds under <c>cache/seeds/</c>, keyed by the tool's
/// version, the file's name and its content hash: adding one seed to 10,000 parses only that one, and the
/// others' posts are known from their entries (metadata, comment counts, digests; see <see cref="SeedFileCodec"/>)
/// until a page needs a post's text. A missing or damaged entry is parsed again and rewritten; it never fails a build.
/// </summary>
public sealed class SeedCache(string? cacheDirectory, string toolId)
{
    private string? Folder => cacheDirectory is null ? null : Path.Combine(cacheDirectory, "seeds");

    public SeedFileResult Load(SeedFileInfo file, out bool hit)
    {
        hit = false;
        var path = EntryPath(file);
        if (path is not null && File.Exists(path))
        {
            try
            {
                var cached = SeedFileCodec.Read(File.ReadAllBytes(path), () => SeedFileLoader.Load(file.Path, file.Name));
                if (cached.Name == file.Name)
                {
                    hit = true;
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
        Folder is null ? null : Path.Combine(Folder, InputHasher.Of(toolId, file.Name, file.Hash) + ".bin");
}
