using System.Threading.Channels;

namespace Archivist.Serve;

/// <summary>
/// The preview's live reload: browsers listen on a server-sent-events endpoint, and every finished
/// rebuild tells them to reload. The script that listens is added to HTML by the preview server as it
/// sends a page; it is never written into the built files.
/// </summary>
public sealed class LiveReload
{
    public const string EndpointPath = "/__archivist/live";

    public const string Script =
        "<script>(function(){var s=new EventSource(\"" + EndpointPath + "\");s.onmessage=function(e){if(e.data===\"reload\")location.reload();};})();</script>";

    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _listeners = [];

    /// <summary>Tells every open page to reload.</summary>
    public void Reload()
    {
        lock (_gate)
            foreach (var listener in _listeners) listener.Writer.TryWrite("reload");
    }

    public int Listeners
    {
        get { lock (_gate) return _listeners.Count; }
    }

    /// <summary>Streams events to one browser until it goes away or the server stops.</summary>
    public async Task StreamAsync(Stream body, Func<Task> flush, CancellationToken cancel)
    {
        var channel = Channel.CreateUnbounded<string>();
        lock (_gate) _listeners.Add(channel);
        try
        {
            await WriteAsync(body, ": connected\n\n", flush, cancel);
            while (!cancel.IsCancellationRequested)
            {
                var message = await channel.Reader.ReadAsync(cancel);
                await WriteAsync(body, $"data: {message}\n\n", flush, cancel);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate) _listeners.Remove(channel);
        }
    }

    /// <summary>Adds the listening script before the last <c>&lt;/body&gt;</c> (or at the end).</summary>
    public static string Inject(string html)
    {
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + Script : html[..at] + Script + html[at..];
    }

    private static async Task WriteAsync(Stream body, string text, Func<Task> flush, CancellationToken cancel)
    {
        await body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancel);
        await flush();
    }
}
