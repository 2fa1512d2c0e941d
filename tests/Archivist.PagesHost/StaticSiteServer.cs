using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;

namespace Archivist.PagesHost;

/// <summary>
/// Serves folders on 127.0.0.1 the way GitHub Pages does: a site under its base path (a project page is under
/// <c>/repo/</c>), directory URLs to index.html, the site's <c>404.html</c> with status 404 for anything missing,
/// <c>Cache-Control: max-age=600</c>, and gzip for text types only (HTML, CSS, JS, JSON, SVG, wasm), never for
/// unknown binary such as our .bin shards or Pagefind's .pf_* files. Several folders can be mounted at URL
/// prefixes; the longest prefix wins.
/// </summary>
public sealed class StaticSiteServer : IDisposable
{
    private static readonly Dictionary<string, (string Type, bool Compress)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = ("text/html; charset=utf-8", true),
        [".css"] = ("text/css; charset=utf-8", true),
        [".js"] = ("text/javascript; charset=utf-8", true),
        [".mjs"] = ("text/javascript; charset=utf-8", true),
        [".json"] = ("application/json; charset=utf-8", true),
        [".svg"] = ("image/svg+xml", true),
        [".md"] = ("text/markdown; charset=utf-8", true),
        [".xml"] = ("application/xml; charset=utf-8", true),
        [".txt"] = ("text/plain; charset=utf-8", true),
        [".wasm"] = ("application/wasm", true),
    };

    private readonly HttpListener _listener;
    private readonly (string Prefix, string Root)[] _mounts;
    private readonly string _basePath;
    private readonly ConcurrentDictionary<string, byte[]> _gzipped = new(StringComparer.Ordinal);
    private readonly Task _loop;

    /// <summary>One site.</summary>
    /// <param name="basePath">The URL path the site lives under, starting and ending with '/'.</param>
    public StaticSiteServer(string root, string basePath = "/") : this([(basePath, root)]) => _basePath = basePath;

    /// <summary>Several folders, each at a URL prefix that starts and ends with '/'.</summary>
    /// <param name="nextPort">Where to try listening next (default: a random port from 20,000 on), asked again while the port is taken.</param>
    public StaticSiteServer(IEnumerable<(string Prefix, string Root)> mounts, Func<int>? nextPort = null)
    {
        _basePath = "/";
        _mounts = mounts.Select(m => (m.Prefix, Path.GetFullPath(m.Root))).OrderByDescending(m => m.Prefix.Length).ToArray();
        nextPort ??= () => Random.Shared.Next(20_000, 60_000);
        for (var attempt = 0; ; attempt++)
        {
            var port = nextPort();
            // A new listener each attempt: one whose Start failed (the port was taken) is closed and cannot be reused.
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                Origin = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
        _loop = Task.Run(Serve);
    }

    /// <summary>
    /// Time each response waits before it is sent, as a network round trip would (0: none). A benchmark sets it
    /// to weigh what a reader on a real connection waits for: dependent fetches, not the local server's speed.
    /// </summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>Where the (single) site's home page is: the origin plus the base path.</summary>
    public string BaseUrl => Origin + _basePath;

    /// <summary>
    /// Compresses every text file up front, as the host's CDN serves compressed copies it already holds: the
    /// cost of compressing a file on its first request is then nobody's latency.
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
            _ = Latency > TimeSpan.Zero ? Task.Delay(Latency).ContinueWith(_ => Respond(context), TaskScheduler.Default) : Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        try
        {
            var requested = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            var mount = _mounts.FirstOrDefault(m => requested.StartsWith(m.Prefix, StringComparison.Ordinal) || requested + "/" == m.Prefix);
            if (mount.Root is null)
            {
                response.StatusCode = 404;
                return;
            }
            var file = Resolve(mount, requested);
            if (file is null)
            {
                // GitHub Pages answers any missing URL with the site's 404.html.
                response.StatusCode = 404;
                file = Resolve(mount, mount.Prefix + "404.html");
                if (file is null) return;
            }
            var (type, compress) = Types.GetValueOrDefault(Path.GetExtension(file), ("application/octet-stream", false));
            response.ContentType = type;
            response.AddHeader("Cache-Control", "max-age=600");
            byte[] bytes;
            if (compress && (context.Request.Headers["Accept-Encoding"] ?? "").Contains("gzip", StringComparison.Ordinal))
            {
                bytes = _gzipped.GetOrAdd(file, Gzip);
                response.AddHeader("Content-Encoding", "gzip");
            }
            else bytes = File.ReadAllBytes(file);
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        catch (Exception e) when (e is HttpListenerException or IOException)
        {
            // The browser went away mid-response.
        }
    }

    /// <summary>The file a URL path names inside a mounted folder, or null when there is none.</summary>
    private static string? Resolve((string Prefix, string Root) mount, string urlPath)
    {
        var relative = urlPath.Length > mount.Prefix.Length ? urlPath[mount.Prefix.Length..] : "";
        var file = Path.GetFullPath(Path.Combine(mount.Root, relative));
        if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
        return file.StartsWith(mount.Root, StringComparison.Ordinal) && File.Exists(file) ? file : null;
    }

    private static byte[] Gzip(string file)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(File.ReadAllBytes(file));
        return memory.ToArray();
    }

    public void Dispose()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // A request still being answered when the test ends can leave the listener half-closed; it is gone either way.
        }
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
