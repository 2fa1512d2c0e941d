using System.Globalization;
using System.Text;
using Archivist.Hashing;
using Archivist.Output;
using Archivist.Rendering;

namespace Archivist.Build;

/// <summary>
/// For each file of the last build: the hash of its inputs (pages only), the hash of what was written and
/// its modification time as the build left it. A page whose inputs are unchanged, and whose file in the
/// output is still the one written, is kept without rendering; the times let a build know a file is intact
/// without reading it. Stored in the cache per output folder (never in the published output, where the
/// times would make two identical builds differ); missing or damaged means "render everything".
/// </summary>
public sealed class LastBuildMemo
{
    private const string Header = "# archivist page memo v2: path\tinput-hash\toutput-hash\tmtime-ticks";
    private const string NoInput = "-";
    private readonly Dictionary<string, (string Input, string Output)> _entries;

    private LastBuildMemo(Dictionary<string, (string, string)> entries, Dictionary<string, long> stamps)
    {
        _entries = entries;
        Stamps = stamps;
    }

    public static LastBuildMemo Empty => new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>Each output file's modification time (UTC ticks) after the last build, for <see cref="OutputFolder.Begin"/>.</summary>
    public IReadOnlyDictionary<string, long> Stamps { get; }

    public static string? PathFor(string? cacheDirectory, string outputRoot) => cacheDirectory is null
        ? null
        : Path.Combine(cacheDirectory, "pages", HashBuilder.Of(Path.GetFullPath(outputRoot)) + ".tsv");

    /// <summary>True when <paramref name="job"/>'s inputs match the last build and its output file is the one recorded.</summary>
    public bool IsUnchanged(PageJob job, OutputManifest previous) =>
        _entries.TryGetValue(job.Path, out var e) && e.Input == job.InputHash
        && previous.TryGet(job.Path, out var entry) && entry.Hash == e.Output;

    /// <summary>The same stamps without the page inputs: a forced build renders everything but still knows which files are intact.</summary>
    public LastBuildMemo StampsOnly() => new(new(StringComparer.Ordinal), new(Stamps, StringComparer.Ordinal));

    public static LastBuildMemo Load(string? path)
    {
        if (path is null || !File.Exists(path)) return Empty;
        var header = Encoding.UTF8.GetBytes(Header);
        var valid = true;
        Dictionary<string, (string, string)> entries;
        Dictionary<string, long> stamps;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            // Sized from the file (a line is about 130 bytes): grown a step at a time, each table was made five or six
            // times over, most of them large objects, whose total sets off a full collection.
            var lines = (int)Math.Min(stream.Length / 100, 1 << 20);
            entries = new Dictionary<string, (string, string)>(lines, StringComparer.Ordinal);
            stamps = new Dictionary<string, long>(lines, StringComparer.Ordinal);
            // Read as bytes, field by field: the memo has a line for every file of the site (25,000 at 10,000 posts), read
            // on every build, and only its fields are kept.
            var number = 0;
            Utf8Lines.ForEach(stream, line =>
            {
                if (!valid) return;
                if (number++ == 0)
                {
                    valid = line.SequenceEqual(header);
                    return;
                }
                Span<Range> parts = stackalloc Range[5];
                if (Utf8Lines.Fields(line, parts) != 4 || !Utf8Lines.TryParseDigits(line[parts[3]], out var ticks))
                {
                    valid = false;
                    return;
                }
                var file = Encoding.UTF8.GetString(line[parts[0]]);
                if (!line[parts[1]].SequenceEqual(NoInputBytes))
                    entries[file] = (Encoding.UTF8.GetString(line[parts[1]]), Encoding.UTF8.GetString(line[parts[2]]));
                stamps[file] = ticks;
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty;
        }
        return valid ? new LastBuildMemo(entries, stamps) : Empty;
    }

    private static ReadOnlySpan<byte> NoInputBytes => "-"u8;

    /// <summary>Records every file of <paramref name="written"/>: the inputs of the pages among them, and each one's stamp.</summary>
    public static void Save(string? path, IEnumerable<PageJob> jobs, OutputManifest written, IReadOnlyDictionary<string, long> stamps)
    {
        if (path is null) return;
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in jobs) inputs[job.Path] = job.InputHash;
        // Streamed, not built whole: 3 MB of text as a string and then bytes were large-object allocations that set off a
        // full collection at the end of every build.
        CacheFiles.WriteAtomic(path, stream =>
        {
            using var writer = new Utf8LineWriter(stream);
            writer.Append(Header).Append('\n');
            foreach (var entry in written.Entries) // sorted by path
            {
                if (!stamps.TryGetValue(entry.Path, out var ticks)) continue;
                writer.Append(entry.Path).Append('\t').Append(inputs.GetValueOrDefault(entry.Path, NoInput)).Append('\t')
                    .Append(entry.Hash).Append('\t').Append(ticks).Append('\n');
            }
            writer.Flush();
        });
    }
}
