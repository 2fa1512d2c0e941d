using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;

namespace Archivist.Bench;

/// <summary>
/// Serves folders on 127.0.0.1 the way GitHub Pages does: gzip on the fly for text types (HTML, CSS, JS,
/// JSON, SVG, wasm), none for unknown binary (our .bin shards, Pagefind's .pf_* files, which it gzips
/// itself). Several roots can be mounted at URL prefixes; the longest prefix wins.
/// </summary>
public sealed class GzipStaticServer : IDisposable
{
    private static readonly Dictionary<string, (string Type, bool Compress)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = ("text/html; charset=utf-8", true),
        [".css"] = ("text/css; charset=utf-8", true),
        [".js"] = ("text/javascript; charset=utf-8", true),
        [".mjs"] = ("text/javascript; charset=utf-8", true),
        [".json"] = ("application/json; charset=utf-8", true),
        [".svg"] = ("image/svg+xml", true),
        [".wasm"] = ("application/wasm", true),
    };

    private readonly HttpListener _listener = new();
    private readonly (string Prefix, string Root)[] _mounts;
    private readonly ConcurrentDictionary<string, byte[]> _gzipped = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public GzipStaticServer(IEnumerable<(string Prefix, string Root)> mounts)
    {
        _mounts = mounts.Select(m => (m.Prefix, Path.GetFullPath(m.Root))).OrderByDescending(m => m.Prefix.Length).ToArray();
        for (var port = 41_731; ; port++)
        {
            try
            {
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                _listener.Start();
                BaseUrl = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (port < 41_800)
            {
            }
        }
        _loop = Task.Run(Serve);
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Compresses every text file up front, as the host's CDN serves compressed copies it already holds: the
    /// cost of compressing a file on its first request is then no engine's latency.
    /// </summary>
    public void Prepare() =>
        Parallel.ForEach(_mounts.SelectMany(m => Directory.EnumerateFiles(m.Root, "*", SearchOption.AllDirectories))
                .Where(f => Types.TryGetValue(Path.GetExtension(f), out var t) && t.Compress),
            file => _gzipped.GetOrAdd(Path.GetFullPath(file), Gzip));

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            var (prefix, root) = _mounts.First(m => path.StartsWith(m.Prefix, StringComparison.Ordinal));
            var file = Path.GetFullPath(Path.Combine(root, path[prefix.Length..]));
            if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
            if (!file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file))
            {
                response.StatusCode = 404;
                return;
            }
            var (type, compress) = Types.GetValueOrDefault(Path.GetExtension(file), ("application/octet-stream", false));
            response.ContentType = type;
            response.AddHeader("Cache-Control", "max-age=600"); // as GitHub Pages sends
            byte[] bytes;
            if (compress && (context.Request.Headers["Accept-Encoding"] ?? "").Contains("gzip", StringComparison.Ordinal))
            {
                bytes = _gzipped.GetOrAdd(file, Gzip); // Prepare() did this for every file there at the start
                response.AddHeader("Content-Encoding", "gzip");
            }
            else bytes = File.ReadAllBytes(file);
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        catch (Exception e) when (e is HttpListenerException or IOException)
        {
        }
    }

    private static byte[] Gzip(string file)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(File.ReadAllBytes(file));
        return memory.ToArray();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
