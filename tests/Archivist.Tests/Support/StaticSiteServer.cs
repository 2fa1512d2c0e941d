using System.IO.Compression;
using System.Net;

namespace Archivist.Tests.Support;

/// <summary>
/// Serves a folder on 127.0.0.1 as GitHub Pages would: under an optional base path (a project page,
/// <c>/repo/</c>), directory URLs to index.html, <c>404.html</c> with status 404 for anything missing, and
/// gzip for text types only (HTML, CSS, JS, JSON, SVG), never for unknown binary such as the index's .bin shards.
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
        [".wasm"] = ("application/wasm", true),
    };

    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _basePath;
    private readonly Task _loop;

    /// <param name="basePath">The URL path the site lives under, starting and ending with '/'.</param>
    public StaticSiteServer(string root, string basePath = "/")
    {
        _root = Path.GetFullPath(root);
        _basePath = basePath;
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 60_000);
            try
            {
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                _listener.Start();
                Origin = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
            }
        }
        _loop = Task.Run(Serve);
    }

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>Where the site's home page is: the origin plus the base path.</summary>
    public string BaseUrl => Origin + _basePath;

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
            var requested = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            var file = Resolve(requested);
            if (file is null)
            {
                // GitHub Pages answers any missing URL with the site's 404.html.
                response.StatusCode = 404;
                file = Resolve(_basePath + "404.html");
                if (file is null) return;
            }
            var (type, compress) = Types.GetValueOrDefault(Path.GetExtension(file), ("application/octet-stream", false));
            response.ContentType = type;
            var bytes = File.ReadAllBytes(file);
            var acceptsGzip = (context.Request.Headers["Accept-Encoding"] ?? "").Contains("gzip", StringComparison.Ordinal);
            if (compress && acceptsGzip)
            {
                using var memory = new MemoryStream();
                using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
                bytes = memory.ToArray();
                response.AddHeader("Content-Encoding", "gzip");
            }
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        catch (Exception e) when (e is HttpListenerException or IOException)
        {
            // The browser went away mid-response.
        }
    }

    /// <summary>The file a URL path names inside the site, or null when there is none.</summary>
    private string? Resolve(string urlPath)
    {
        if (!urlPath.StartsWith(_basePath, StringComparison.Ordinal) && urlPath + "/" != _basePath) return null;
        var relative = urlPath.Length > _basePath.Length ? urlPath[_basePath.Length..] : "";
        var file = Path.GetFullPath(Path.Combine(_root, relative));
        if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
        return file.StartsWith(_root, StringComparison.Ordinal) && File.Exists(file) ? file : null;
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
