using System.CommandLine;
using System.Runtime.InteropServices;
using Archivist.Build;
using Archivist.Serve;
using Archivist.Settings;

namespace Archivist.Cli;

/// <summary>
/// <c>archivist serve</c>: builds, serves the site on 127.0.0.1 under its base path, rebuilds when seeds,
/// templates or settings change, and reloads open pages. Rebuilds are incremental, like <c>build</c>.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var settings = new BuildSettings();
        var port = new Option<int>("--port", "-p")
        {
            Description = "Port on 127.0.0.1 (default 8080, or the next free one).",
            DefaultValueFactory = _ => 8080,
        };
        var command = new Command("serve",
            "Preview the site at http://127.0.0.1:PORT/ with live reload: rebuilds when seeds, templates or archivist.yml change. " +
            "Only this computer can reach it. Stop with Ctrl+C. Exit codes: 0 stopped, 2 could not start (bad arguments or settings, port in use).");
        foreach (var option in settings.All) command.Options.Add(option);
        command.Options.Add(port);
        command.SetAction(parse =>
        {
            var reporter = new Reporter { Quiet = parse.GetValue(settings.Quiet) };
            var explicitPort = parse.GetResult(port) is { Implicit: false };
            return RunAsync(() => settings.ToRequest(parse), parse.GetValue(port), !explicitPort, reporter).GetAwaiter().GetResult();
        });
        return command;
    }

    public static async Task<int> RunAsync(Func<BuildRequest> makeRequest, int port, bool searchFreePort, Reporter reporter)
    {
        BuildRequest request;
        try
        {
            request = makeRequest();
        }
        catch (SiteOptionsException e)
        {
            reporter.Error(e.Message);
            return ExitCodes.Fatal;
        }
        var basePath = request.Options.BasePath;
        int first;
        try
        {
            first = BuildCommand.Run(request, reporter);
        }
        catch (Exception e) when (e is not OutOfMemoryException && Directory.Exists(request.OutputDirectory))
        {
            ServeRebuilds.ReportUnexpected(e, reporter); // a site from an earlier build is there to serve
            first = ExitCodes.Fatal;
        }
        if (first == ExitCodes.Fatal && !Directory.Exists(request.OutputDirectory))
            return ExitCodes.Fatal;

        await using var server = await StartAsync(request, () => basePath, port, searchFreePort, reporter);
        if (server is null) return ExitCodes.Fatal;
        reporter.Result($"Serving {request.OutputDirectory} at {server.Url} (Ctrl+C to stop).");

        RebuildWatcher? watcher = null;
        var rebuilds = new ServeRebuilds(makeRequest, reporter,
            built: next =>
            {
                basePath = next.Options.BasePath;
                server.LiveReload.Reload();
            },
            retry: () => watcher?.Schedule());
        using (watcher = new RebuildWatcher([request.SeedsDirectory, request.TemplatesDirectory],
            request.SettingsFile ?? SiteOptionsLoader.FileName, TimeSpan.FromMilliseconds(300), rebuilds.Rebuild, rebuilds.Failed))
        {
            await WaitForStopAsync();
        }
        reporter.Log("stopping.");
        return ExitCodes.Success;
    }

    private static async Task WaitForStopAsync()
    {
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stop.TrySetResult());
        await stop.Task;
    }

    private static async Task<PreviewServer?> StartAsync(BuildRequest request, Func<string> basePath, int port, bool searchFreePort, Reporter reporter)
    {
        try
        {
            return await PreviewServer.StartAsync(request.OutputDirectory, basePath, port, searchFreePort);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            reporter.Error($"cannot listen on 127.0.0.1:{port} ({e.Message}); choose another port with --port.");
            return null;
        }
    }
}
