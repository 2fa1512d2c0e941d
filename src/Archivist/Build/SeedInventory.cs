using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Archivist.Output;
using Archivist.Seeds;

namespace Archivist.Build;

/// <summary>One seed file as the build sees it: its name, where it is, and a hash of its bytes.</summary>
public sealed record SeedFileInfo(string Name, string Path, long Size, long ModifiedTicks, string Hash);

/// <summary>
/// Lists the seed files with a content hash each. Hashes are remembered by size and modification time
/// (<c>seed-index.tsv</c> in the cache), so an unchanged seed is not read at all; only new or touched
/// files are hashed. A damaged index is ignored and rebuilt. An edit that keeps both (<c>cp -p</c>, <c>touch -r</c>)
/// is seen by a build that rehashes every seed: <c>--force</c>, or the second try after a <see cref="SeedChangedException"/>.
/// </summary>
public static class SeedInventory
{
    private const string IndexFile = "seed-index.tsv";
    private const string Header = "# archivist seed index v1: name\tsize\tmtime-ticks\tsha256";

    public static IReadOnlyList<SeedFileInfo> Take(string seedsDirectory, string? cacheDirectory, bool rehash = false) =>
        Take(SeedReader.List(seedsDirectory), cacheDirectory, rehash);

    /// <param name="files">The seed files, as <see cref="SeedReader.Scan"/> lists them.</param>
    /// <param name="rehash">Hash every seed, trusting no remembered hash.</param>
    public static IReadOnlyList<SeedFileInfo> Take(IReadOnlyList<(string Path, string Name)> files, string? cacheDirectory, bool rehash)
    {
        var known = rehash ? new Dictionary<string, SeedFileInfo>(StringComparer.Ordinal) : Load(cacheDirectory);
        var result = new SeedFileInfo[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var (path, name) = files[i];
            var info = new FileInfo(path);
            long size = 0, ticks = 0;
            try
            {
                // A link (to a file inside the seeds folder) changes when its file does: its own size and time never do.
                if ((info.Attributes & FileAttributes.ReparsePoint) != 0 && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
                    info = target;
                size = info.Length;
                ticks = info.LastWriteTimeUtc.Ticks;
            }
            catch (IOException)
            {
                // Unreadable: the loader reports it; hash what we can so the build is not skipped as a no-op.
            }
            result[i] = known.TryGetValue(name, out var k) && k.Size == size && k.ModifiedTicks == ticks
                ? k with { Path = path }
                : new SeedFileInfo(name, path, size, ticks, HashFile(path));
        });
        return result;
    }

    public static void Save(string? cacheDirectory, IReadOnlyList<SeedFileInfo> files)
    {
        if (cacheDirectory is null) return;
        CacheFiles.WriteAtomic(Path.Combine(cacheDirectory, IndexFile), stream =>
        {
            using var writer = new Utf8LineWriter(stream);
            writer.Append(Header).Append('\n');
            foreach (var f in files)
                writer.Append(f.Name).Append('\t').Append(f.Size).Append('\t').Append(f.ModifiedTicks).Append('\t').Append(f.Hash).Append('\n');
            writer.Flush();
        });
    }

    /// <summary>True when <paramref name="cacheDirectory"/> holds a seed index this tool wrote (by its header, not only its name).</summary>
    public static bool HasIndex(string cacheDirectory)
    {
        try
        {
            using var reader = new StreamReader(Path.Combine(cacheDirectory, IndexFile), Encoding.UTF8);
            return reader.ReadLine() == Header;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static Dictionary<string, SeedFileInfo> Load(string? cacheDirectory)
    {
        var known = new Dictionary<string, SeedFileInfo>(StringComparer.Ordinal);
        if (cacheDirectory is null) return known;
        var path = Path.Combine(cacheDirectory, IndexFile);
        try
        {
            if (!File.Exists(path)) return known;
            var lines = File.ReadAllLines(path, Encoding.UTF8);
            if (lines.Length == 0 || lines[0] != Header) return known;
            foreach (var line in lines.Skip(1))
            {
                var parts = line.Split('\t');
                if (parts.Length != 4) return new(StringComparer.Ordinal);
                known[parts[0]] = new SeedFileInfo(parts[0], "", long.Parse(parts[1], CultureInfo.InvariantCulture),
                    long.Parse(parts[2], CultureInfo.InvariantCulture), parts[3]);
            }
        }
        catch (Exception e) when (e is IOException or FormatException or OverflowException or UnauthorizedAccessException)
        {
            return new(StringComparer.Ordinal);
        }
        return known;
    }

    private static string HashFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }
}
