using System.Globalization;
using System.Text;

namespace Archivist.Output;

/// <summary>One generated file as recorded in the manifest.</summary>
public sealed record ManifestEntry(string Path, long Size, string Hash);

/// <summary>
/// The list of files a build generated, kept in the output folder. It is how the tool knows which files
/// are its own (only those are ever deleted) and which are unchanged (those are never rewritten).
/// Plain sorted text, one file per line, so it diffs well and reads back fast. It is published with the
/// site, so it holds only what the inputs determine (path, size, hash): same inputs, same bytes. When
/// each file was written is build-machine state and lives in the cache (<see cref="OutputTransaction.Stamps"/>).
/// </summary>
public sealed class OutputManifest
{
    public const string FileName = ".archivist-manifest";
    private const string Header = "# archivist manifest v2: path\tsize\tsha256";

    private readonly Dictionary<string, ManifestEntry> _byPath;
    private readonly ManifestEntry[] _sorted; // by path, ordinal: the file's order

    public OutputManifest(IEnumerable<ManifestEntry> entries, IReadOnlyDictionary<string, string>? properties = null)
    {
        // A hash map and one sort, not a sorted tree: a 25,000-file site's manifest is read and made on every build.
        _byPath = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var e in entries) _byPath[e.Path] = e;
        _sorted = [.. _byPath.Values];
        Array.Sort(_sorted, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        Properties = properties ?? new Dictionary<string, string>();
    }

    public static OutputManifest Empty { get; } = new([]);

    /// <summary>Free-form facts about the build that produced the files (e.g. the digest of the build's inputs).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Every entry, by path (ordinal).</summary>
    public IReadOnlyCollection<ManifestEntry> Entries => _sorted;
    public int Count => _sorted.Length;

    public bool TryGet(string path, out ManifestEntry entry) => _byPath.TryGetValue(path, out entry!);
    public bool Contains(string path) => _byPath.ContainsKey(path);

    public string Serialize()
    {
        var sb = new StringBuilder(_sorted.Length * 80);
        sb.Append(Header).Append('\n');
        foreach (var (key, value) in Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            sb.Append("@ ").Append(key).Append('\t').Append(value).Append('\n');
        foreach (var e in _sorted)
            sb.Append(e.Path).Append('\t').Append(e.Size.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(e.Hash).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// Reads a manifest, refusing (<see cref="FormatException"/>, with the line) anything a build could not have
    /// written: a path outside the folder or on the tool's bookkeeping, a bad size. Version 1 lines, which also
    /// held a modification time, are read without it.
    /// </summary>
    public static OutputManifest Parse(string text)
    {
        var entries = new List<ManifestEntry>();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (line.StartsWith("@ ", StringComparison.Ordinal) && parts.Length == 2)
            {
                properties[parts[0][2..]] = parts[1];
                continue;
            }
            if (parts.Length is not (3 or 4)) throw new FormatException($"line {number} is not 'path, size, hash'");
            if (!OutputPath.IsSafe(parts[0]) || OutputFolder.IsOwnBookkeeping(parts[0].Split('/')[0]))
                throw new FormatException($"line {number} names '{parts[0]}', which is not a path inside the folder that a build writes");
            if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                throw new FormatException($"line {number} has size '{parts[1]}'");
            if (parts[2].Length == 0) throw new FormatException($"line {number} has no hash");
            entries.Add(new ManifestEntry(parts[0], size, parts[2]));
        }
        return new OutputManifest(entries, properties);
    }
}
