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
        if (!IsSorted(_sorted)) Array.Sort(_sorted, static (a, b) => string.CompareOrdinal(a.Path, b.Path)); // (a parsed manifest is)
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
        // Read in place, line by line and field by field (a 25,000-file site's manifest is read on every build).
        var entries = new List<ManifestEntry>();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        Span<Range> fields = stackalloc Range[5];
        foreach (var lineRange in text.AsSpan().Split('\n'))
        {
            number++;
            var line = text.AsSpan(lineRange);
            if (line.Length == 0 || line[0] == '#') continue;
            var count = line.Count('\t') + 1;
            if (count > 4) throw new FormatException($"line {number} is not 'path, size, hash'");
            line.Split(fields, '\t');
            if (line.StartsWith("@ ", StringComparison.Ordinal) && count == 2)
            {
                properties[line[fields[0]][2..].ToString()] = line[fields[1]].ToString();
                continue;
            }
            if (count is not (3 or 4)) throw new FormatException($"line {number} is not 'path, size, hash'");
            var path = line[fields[0]].ToString();
            var slash = path.IndexOf('/');
            if (!OutputPath.IsSafe(path) || OutputFolder.IsOwnBookkeeping(slash < 0 ? path : path[..slash]))
                throw new FormatException($"line {number} names '{path}', which is not a path inside the folder that a build writes");
            if (!long.TryParse(line[fields[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                throw new FormatException($"line {number} has size '{line[fields[1]]}'");
            if (line[fields[2]].IsEmpty) throw new FormatException($"line {number} has no hash");
            entries.Add(new ManifestEntry(path, size, line[fields[2]].ToString()));
        }
        return new OutputManifest(entries, properties);
    }

    private static bool IsSorted(ManifestEntry[] entries)
    {
        for (var i = 1; i < entries.Length; i++)
            if (string.CompareOrdinal(entries[i - 1].Path, entries[i].Path) >= 0) return false;
        return true;
    }
}
