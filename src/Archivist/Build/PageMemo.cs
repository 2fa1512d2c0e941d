using System.Text;
using Archivist.Output;
using Archivist.Rendering;

namespace Archivist.Build;

/// <summary>
/// For each file of the last build: the hash of its inputs and the hash of what was written. A page
/// whose inputs are unchanged, and whose file in the output is still the one written, is kept without
/// rendering. Stored in the cache per output folder; missing or damaged means "render everything".
/// </summary>
public sealed class PageMemo
{
    private const string Header = "# archivist page memo v1: path\tinput-hash\toutput-hash";
    private readonly Dictionary<string, (string Input, string Output)> _entries;

    private PageMemo(Dictionary<string, (string, string)> entries) => _entries = entries;

    public static PageMemo Empty => new(new(StringComparer.Ordinal));

    public static string? PathFor(string? cacheDirectory, string outputRoot) => cacheDirectory is null
        ? null
        : Path.Combine(cacheDirectory, "pages", InputHasher.Of(Path.GetFullPath(outputRoot)) + ".tsv");

    /// <summary>True when <paramref name="job"/>'s inputs match the last build and its output file is the one recorded.</summary>
    public bool IsUnchanged(PageJob job, OutputManifest previous) =>
        _entries.TryGetValue(job.Path, out var e) && e.Input == job.InputHash
        && previous.TryGet(job.Path, out var entry) && entry.Hash == e.Output;

    public static PageMemo Load(string? path)
    {
        var entries = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path)) return new PageMemo(entries);
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            if (reader.ReadLine() != Header) return Empty;
            while (reader.ReadLine() is { } line)
            {
                var parts = line.Split('\t');
                if (parts.Length != 3) return Empty;
                entries[parts[0]] = (parts[1], parts[2]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty;
        }
        return new PageMemo(entries);
    }

    public static void Save(string? path, IEnumerable<PageJob> jobs, OutputManifest written)
    {
        if (path is null) return;
        var sb = new StringBuilder().Append(Header).Append('\n');
        foreach (var job in jobs.OrderBy(j => j.Path, StringComparer.Ordinal))
            if (written.TryGet(job.Path, out var entry))
                sb.Append(job.Path).Append('\t').Append(job.InputHash).Append('\t').Append(entry.Hash).Append('\n');
        CacheFiles.WriteAtomic(path, Encoding.UTF8.GetBytes(sb.ToString()));
    }
}
