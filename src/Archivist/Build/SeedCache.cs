using Archivist.Content;
using Archivist.Rendering;

namespace Archivist.Build;

/// <summary>
/// What each seed file parsed to, kept between builds under <c>cache/seeds/</c>, keyed by the tool's
/// version, the file's name and its content hash: adding one seed to 10,000 parses only that one.
/// A missing or damaged entry is parsed again and rewritten; it never fails a build.
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
                var cached = ReadHeader(path, file);
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

    /// <summary>An entry's header only: each post reads its texts from the entry when first needed (or, failing that, from the seed).</summary>
    private static SeedFileResult ReadHeader(string path, SeedFileInfo file)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        var trailer = new byte[Math.Min(SeedFileCodec.TrailerLength, length)];
        if (RandomAccess.Read(handle, trailer, length - trailer.Length) != trailer.Length) throw new InvalidDataException("seed cache entry ends early");
        var (offset, headerLength) = SeedFileCodec.HeaderPlace(trailer, length);
        var head = new byte[headerLength];
        if (RandomAccess.Read(handle, head, offset) != head.Length) throw new InvalidDataException("seed cache entry ends early");
        return SeedFileCodec.ReadHeader(head, offset, (offset, count) => ReadRange(path, offset, count),
            index => SeedFileLoader.Load(file.Path, file.Name).Posts is var posts && index < posts.Count
                ? posts[index].Post
                : throw new InvalidDataException("a seed changed while the site was being built; build again"));
    }

    private static byte[] ReadRange(string path, long offset, int count)
    {
        using var handle = File.OpenHandle(path);
        var bytes = new byte[count];
        return RandomAccess.Read(handle, bytes, offset) == count ? bytes : throw new InvalidDataException("seed cache entry ends early");
    }

    /// <summary>Deletes entries no current seed uses (old versions of edited or removed seeds).</summary>
    public void Prune(IEnumerable<SeedFileInfo> live)
    {
        if (Folder is null || !Directory.Exists(Folder)) return;
        var keep = new HashSet<string>(live.Select(EntryPath).OfType<string>(), StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            if (keep.Contains(file)) continue;
            try { File.Delete(file); } catch (IOException) { }
        }
    }

    private string? EntryPath(SeedFileInfo file) =>
        Folder is null ? null : Path.Combine(Folder, InputHasher.Of(toolId, file.Name, file.Hash) + ".bin");
}
