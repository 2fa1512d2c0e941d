using Archivist.Build;
using Archivist.Settings;

namespace Archivist.Cli;

/// <summary>
/// What <c>serve</c> does when the inputs change: build again and reload open pages. A build that fails, however
/// it fails, is reported and the last good site stays served; the next change builds again, and a build that
/// stopped because a seed changed as it was read (saved mid-rebuild) is retried once without waiting for one.
/// Nothing here ends the process.
/// </summary>
internal sealed class ServeRebuilds(Func<BuildRequest> makeRequest, Reporter reporter, Action<BuildRequest> built, Action retry)
{
    private bool _retried;

    /// <summary>The build itself; a test can stand another in for it.</summary>
    public Func<BuildRequest, Reporter, BuildCommand.Outcome> Build { get; init; } = BuildCommand.Attempt;

    public void Rebuild()
    {
        reporter.Log("change detected: rebuilding…");
        try
        {
            var next = makeRequest();
            var outcome = Build(next, reporter);
            if (outcome.Code == ExitCodes.Success)
            {
                _retried = false;
                built(next);
                return;
            }
            if (outcome.SeedChanged && !_retried)
            {
                _retried = true;
                reporter.Log("a seed changed while it was being read: building again…");
                retry();
                return;
            }
        }
        catch (SiteOptionsException e)
        {
            reporter.Error(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failed(e);
            return;
        }
        _retried = false;
        reporter.Log("still serving the last good build; the next change builds again.");
    }

    /// <summary>An exception no build reports by itself: a bug, said as <c>build</c> says it, and serving goes on.</summary>
    public void Failed(Exception e)
    {
        _retried = false;
        ReportUnexpected(e, reporter);
    }

    public static void ReportUnexpected(Exception e, Reporter reporter)
    {
        reporter.Error($"unexpected failure: {e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}");
        reporter.Log($"hint: this is a bug in archivist; please report it ({CommandLineApp.DebugVariable}=1 shows where it happened). " +
                     "Still serving the last good build; the next change builds again.");
        if (Environment.GetEnvironmentVariable(CommandLineApp.DebugVariable) == "1")
            foreach (var line in e.ToString().Split('\n')) reporter.Log(line.TrimEnd('\r'));
    }
}
