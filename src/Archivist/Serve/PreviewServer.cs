using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Archivist.Serve;

/// <summary>
/// Serves the built site on 127.0.0.1 under its base path, like GitHub Pages would (404.html for missing
/// pages), adding the live-reload script to HTML as it goes out.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PreviewFiles _files;
    private readonly Func<string> _basePath;

    private PreviewServer(WebApplication app, PreviewFiles files, Func<string> basePath, int port)
    {
        _app = app;
        _files = files;
        _basePath = basePath;
        Port = port;
    }

    public int Port { get; }
    public LiveReload LiveReload { get; } = new();
    public string Url => $"http://127.0.0.1:{Port}{_basePath()}";

    /// <param name="basePath">Read per request: a settings change can move the site.</param>
    public static async Task<PreviewServer> StartAsync(string outputDirectory, Func<string> basePath, int port, bool searchFreePort)
    {
        var chosen = searchFreePort ? FreePortFrom(port) : port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, chosen));
        var app = builder.Build();
        var server = new PreviewServer(app, new PreviewFiles(outputDirectory), basePath, chosen);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!IsOwnHost(request.Host.Host, request.Host.Port, Port))
        {
            // A page elsewhere can point a name of its own at 127.0.0.1 (DNS rebinding) and read the preview through
            // it; such requests carry that name, while this computer's browser says 127.0.0.1 or localhost.
            response.StatusCode = StatusCodes.Status400BadRequest;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync($"The preview answers only to http://127.0.0.1:{Port}/ and http://localhost:{Port}/.", context.RequestAborted);
            return;
        }
        if (request.Path == LiveReload.EndpointPath)
        {
            response.ContentType = "text/event-stream";
            await LiveReload.StreamAsync(response.Body, () => response.Body.FlushAsync(context.RequestAborted), context.RequestAborted);
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        var match = _files.Resolve(request.Path.Value ?? "/", _basePath());
        switch (match.Kind)
        {
            case PreviewFiles.Kind.RedirectToFolder:
                response.Redirect(match.Path! + request.QueryString);
                return;
            case PreviewFiles.Kind.File:
                await SendAsync(context, match.Path!, match.ContentType!, StatusCodes.Status200OK);
                return;
            default:
                if (_files.NotFoundPage is { } page) await SendAsync(context, page, "text/html; charset=utf-8", StatusCodes.Status404NotFound);
                else response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
    }

    private static async Task SendAsync(HttpContext context, string path, string contentType, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, context.RequestAborted);
        }
        catch (IOException)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable; // replaced mid-rebuild; the reload will fetch it
            return;
        }
        if (contentType.StartsWith("text/html", StringComparison.Ordinal))
            bytes = System.Text.Encoding.UTF8.GetBytes(LiveReload.Inject(System.Text.Encoding.UTF8.GetString(bytes)));
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>True for the names this computer uses for the address the server listens on, at its port (or none given).</summary>
    public static bool IsOwnHost(string host, int? port, int listening) =>
        (host is "127.0.0.1" || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) && (port is null || port == listening);

    /// <summary>The first port from <paramref name="start"/> that nothing listens on.</summary>
    private static int FreePortFrom(int start)
    {
        for (var port = start; port < start + 50 && port <= 65535; port++)
        {
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException($"no free port between {start} and {start + 49}; choose one with --port");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
