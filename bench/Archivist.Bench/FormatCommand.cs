using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Archivist.Search.Format;

namespace Archivist.Bench;

/// <summary>
/// Measures the choice of shard encoding on a built index: the compact binary as served (GitHub Pages does
/// not compress unknown binary), the same binary gzipped (what DecompressionStream would have to undo), and
/// the same postings as gzipped JSON (what Pages would compress for free). Prints one Markdown table row each.
/// </summary>
public static class FormatCommand
{
    public static int Run(string[] args)
    {
        var index = BenchPaths.Option(args, "--index") ?? throw new ArgumentException("--index DIR (a search-index folder) is required");
        long raw = 0, gzipped = 0, json = 0, jsonGzipped = 0, largest = 0, largestGz = 0;
        var shards = Directory.GetFiles(Path.Combine(index, "t"), "*.bin");
        foreach (var file in shards)
        {
            var bytes = File.ReadAllBytes(file);
            raw += bytes.Length;
            var gz = Gzip(bytes).Length;
            gzipped += gz;
            largest = Math.Max(largest, bytes.Length);
            var asJson = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ShardCodec.Decode(bytes).ToDictionary(t => t.Term, t => Json(TermEntryCodec.Decode(t.Entry.Span)))));
            json += asJson.Length;
            var jgz = Gzip(asJson).Length;
            jsonGzipped += jgz;
            largestGz = Math.Max(largestGz, jgz);
        }
        Console.WriteLine($"| {shards.Length:N0} shards | binary as served {raw / 1e6:0.0} MB (largest {largest / 1024.0:0.0} KB) | binary gzipped {gzipped / 1e6:0.0} MB | JSON {json / 1e6:0.0} MB | JSON gzipped {jsonGzipped / 1e6:0.0} MB (largest {largestGz / 1024.0:0.0} KB) |");
        return 0;
    }

    /// <summary>The decoded entry as compact JSON: doc gaps, impacts, and per positioned doc its position gaps.</summary>
    private static object Json(TermEntry e) => new
    {
        d = Gaps(e.Docs),
        i = e.Impacts,
        p = e.Positions.OrderBy(p => p.Key).Select(p => new[] { p.Key }.Concat(Gaps(p.Value))).ToArray(),
    };

    private static int[] Gaps(int[] values) => values.Select((v, i) => i == 0 ? v : v - values[i - 1]).ToArray();

    private static byte[] Gzip(byte[] data)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(data);
        return memory.ToArray();
    }
}
