using System.Net;
using System.Net.Sockets;
using Archivist.PagesHost;

namespace Archivist.Tests.Support;

/// <summary>The local stand-in for GitHub Pages that the browser tests and the search benchmark serve sites with.</summary>
public sealed class StaticSiteServerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("archivist-pages-host-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task APortAlreadyTakenIsPassedOverForTheNextOne()
    {
        File.WriteAllText(Path.Combine(_root, "index.html"), "<p>home</p>");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var busy = ((IPEndPoint)taken.LocalEndpoint).Port;
        var free = FreePort();
        var offered = new Queue<int>([busy, free]);

        using var server = new StaticSiteServer([("/", _root)], offered.Dequeue);

        Assert.Equal($"http://127.0.0.1:{free}", server.Origin);
        using var http = new HttpClient();
        Assert.Equal("<p>home</p>", await http.GetStringAsync(server.BaseUrl, TestContext.Current.CancellationToken));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
