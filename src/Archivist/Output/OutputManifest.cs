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

    private Dictionary<string, ManifestEntry>? _byPath; // made on the first lookup: a manifest a commit makes is only written
    private readonly ManifestEntry[] _sorted; // by path, ordinal: the file's order

    public OutputManifest(IEnumerable<ManifestEntry> entries, IReadOnlyDictionary<string, string>? properties = null)
    {
        // An array and one sort, not a sorted tree: a 25,000-file site's manifest is read and made on every build (and both
        // a parsed manifest and a commit's come in order already).
        var all = entries.ToArray();
        if (!IsSorted(all))
        {
            var byPath = new Dictionary<string, ManifestEntry>(all.Length, StringComparer.Ordinal);
            foreach (var e in all) byPath[e.Path] = e; // the last of a path wins
            all = [.. byPath.Values];
            Array.Sort(all, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        }
        _sorted = all;
        Properties = properties ?? new Dictionary<string, string>();
    }

    public static OutputManifest Empty { get; } = new([]);

    /// <summary>Free-form facts about the build that produced the files (e.g. the digest of the build's inputs).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Every entry, by path (ordinal).</summary>
    public IReadOnlyCollection<ManifestEntry> Entries => _sorted;
    public int Count => _sorted.Length;

    public bool TryGet(string path, out ManifestEntry entry) => ByPath.TryGetValue(path, out entry!);
    public bool Contains(string path) => ByPath.ContainsKey(path);

    private Dictionary<string, ManifestEntry> ByPath
    {
        get
        {
            if (Volatile.Read(ref _byPath) is { } made) return made;
            var byPath = new Dictionary<string, ManifestEntry>(_sorted.Length, StringComparer.Ordinal);
            foreach (var e in _sorted) byPath.Add(e.Path, e);
            // Looked up from many threads: any of them may make it, one wins, all see a whole one.
            return Interlocked.CompareExchange(ref _byPath, byPath, null) ?? byPath;
        }
    }

    public string Serialize()
    {
        using var bytes = new MemoryStream();
        using (var writer = new Utf8LineWriter(bytes)) WriteTo(writer);
        return Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
    }

    /// <summary>Writes the manifest (<see cref="Serialize"/>'s text) to <paramref name="path"/> and to disk; returns the SHA-256 of its bytes.</summary>
    public string WriteFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        using var writer = new Utf8LineWriter(stream, hashed: true);
        WriteTo(writer);
        stream.Flush(flushToDisk: true);
        return writer.HashHex();
    }

    private void WriteTo(Utf8LineWriter writer)
    {
        writer.Append(Header).Append('\n');
        // (Keys sorted, not OrderBy over the pairs: a generic method over a value type is compiled at run time on every build.)
        var keys = new List<string>(Properties.Keys);
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
            writer.Append("@ ").Append(key).Append('\t').Append(Properties[key]).Append('\n');
        foreach (var e in _sorted)
            writer.Append(e.Path).Append('\t').Append(e.Size).Append('\t').Append(e.Hash).Append('\n');
        writer.Flush();
    }

    /// <summary>
    /// Reads a manifest, refusing (<see cref="FormatException"/>, with the line) anything a build could not have
    /// written: a path outside the folder or on the tool's bookkeeping, a bad size. Version 1 lines, which also
    /// held a modification time, are read without it.
    /// </summary>
    public static OutputManifest Parse(string text) => Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    /// <inheritdoc cref="Parse(string)"/>
    public static OutputManifest Parse(Stream stream)
    {
        // Read as bytes, line by line and field by field; only the fields kept become strings (a 25,000-file site's
        // manifest is read on every build).
        // Sized from the stream when it knows its length (a line is about 80 bytes), not grown a step at a time.
        var entries = new List<ManifestEntry>(stream.CanSeek ? (int)Math.Min(stream.Length / 64, 1 << 20) : 0);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        Utf8Lines.ForEach(stream, line =>
        {
            number++;
            if (line.Length == 0 || line[0] == (byte)'#') return;
            Span<Range> fields = stackalloc Range[4];
            var count = Utf8Lines.Fields(line, fields);
            if (count > 4) throw new FormatException($"line {number} is not 'path, size, hash'");
            if (line.StartsWith("@ "u8) && count == 2)
            {
                properties[Encoding.UTF8.GetString(line[fields[0]][2..])] = Encoding.UTF8.GetString(line[fields[1]]);
                return;
            }
            if (count is not (3 or 4)) throw new FormatException($"line {number} is not 'path, size, hash'");
            var path = Encoding.UTF8.GetString(line[fields[0]]);
            var slash = path.IndexOf('/');
            if (!OutputPath.IsSafe(path) || OutputFolder.IsOwnBookkeeping(slash < 0 ? path : path[..slash]))
                throw new FormatException($"line {number} names '{path}', which is not a path inside the folder that a build writes");
            if (!Utf8Lines.TryParseDigits(line[fields[1]], out var size))
                throw new FormatException($"line {number} has size '{Encoding.UTF8.GetString(line[fields[1]])}'");
            if (line[fields[2]].IsEmpty) throw new FormatException($"line {number} has no hash");
            entries.Add(new ManifestEntry(path, size, Encoding.UTF8.GetString(line[fields[2]]))); // (a version 1 line's time is left)
        });
        var manifest = new OutputManifest(entries, properties);
        _ = manifest.ByPath; // a build looks its last manifest up from every rendering thread: made here, once
        return manifest;
    }

    /// <summary>Strictly in path order, so also no path twice.</summary>
    private static bool IsSorted(ManifestEntry[] entries)
    {
        for (var i = 1; i < entries.Length; i++)
            if (string.CompareOrdinal(entries[i - 1].Path, entries[i].Path) >= 0) return false;
        return true;
    }
}
