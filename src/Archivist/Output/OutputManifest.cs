using System.Globalization;
using System.Text;

namespace Archivist.Output;

/// <summary>One generated file as recorded in the manifest.</summary>
public sealed record ManifestEntry(string Path, long Size, string Hash, long ModifiedTicks);

/// <summary>
/// The list of files a build generated, kept in the output folder. It is how the tool knows which files
/// are its own (only those are ever deleted) and which are unchanged (those are never rewritten).
/// Plain sorted text, one file per line, so it diffs well and reads back fast.
/// </summary>
public sealed class OutputManifest
{
    public const string FileName = ".archivist-manifest";
    private const string Header = "# archivist manifest v1: path\tsize\tsha256\tmtime-ticks";

    private readonly SortedDictionary<string, ManifestEntry> _entries;

    public OutputManifest(IEnumerable<ManifestEntry> entries, IReadOnlyDictionary<string, string>? properties = null)
    {
        _entries = new SortedDictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var e in entries) _entries[e.Path] = e;
        Properties = properties ?? new Dictionary<string, string>();
    }

    public static OutputManifest Empty { get; } = new([]);

    /// <summary>Free-form facts about the build that produced the files (e.g. the input fingerprint).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    public IReadOnlyCollection<ManifestEntry> Entries => _entries.Values;
    public int Count => _entries.Count;

    public bool TryGet(string path, out ManifestEntry entry) => _entries.TryGetValue(path, out entry!);
    public bool Contains(string path) => _entries.ContainsKey(path);

    public string Serialize()
    {
        var sb = new StringBuilder(_entries.Count * 80);
        sb.Append(Header).Append('\n');
        foreach (var (key, value) in Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            sb.Append("@ ").Append(key).Append('\t').Append(value).Append('\n');
        foreach (var e in _entries.Values)
            sb.Append(e.Path).Append('\t').Append(e.Size.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(e.Hash).Append('\t').Append(e.ModifiedTicks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    public static OutputManifest Parse(string text)
    {
        var entries = new List<ManifestEntry>();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (line.StartsWith("@ ", StringComparison.Ordinal) && parts.Length == 2)
            {
                properties[parts[0][2..]] = parts[1];
                continue;
            }
            if (parts.Length != 4) throw new FormatException($"bad manifest line: {line}");
            entries.Add(new ManifestEntry(parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2],
                long.Parse(parts[3], CultureInfo.InvariantCulture)));
        }
        return new OutputManifest(entries, properties);
    }
}
