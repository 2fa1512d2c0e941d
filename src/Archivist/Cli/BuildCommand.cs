using System.CommandLine;
using Archivist.Build;
using Archivist.Output;
using Archivist.Rendering;
using Archivist.Settings;

namespace Archivist.Cli;

/// <summary><c>archivist build</c>: seeds → Markdown → the archive website, incrementally and atomically.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var settings = new BuildSettings();
        var command = new Command("build",
            "Build the archive website from the seeds: post pages with their comments, listings, archive, feed, sitemap, " +
            "search index. Reads archivist.yml; only changed files are rewritten; a failed build leaves the previous site intact. " +
            "Exit codes: 0 done, 1 warnings under --strict, 2 could not build.");
        foreach (var option in settings.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var reporter = new Reporter { Quiet = parse.GetValue(settings.Quiet) };
            BuildRequest request;
            try
            {
                request = settings.ToRequest(parse);
            }
            catch (SiteOptionsException e)
            {
                reporter.Error(e.Message);
                return ExitCodes.Fatal;
            }
            return Run(request, reporter);
        });
        return command;
    }

    public static int Run(BuildRequest request, Reporter reporter) => Attempt(request, reporter).Code;

    /// <summary>How a build ended: its exit code, and whether it stopped because a seed changed as it was read.</summary>
    internal readonly record struct Outcome(int Code, bool SeedChanged = false);

    internal static Outcome Attempt(BuildRequest request, Reporter reporter)
    {
        BuildResult result;
        try
        {
            result = SiteBuilder.Build(request, reporter);
        }
        catch (Exception e) when (e is OutputFolderException or TemplateException or SiteOptionsException)
        {
            reporter.Error(e.Message);
            return new Outcome(ExitCodes.Fatal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Error($"{e.Message} Nothing was changed in {request.OutputDirectory}.");
            return new Outcome(ExitCodes.Fatal, SeedChanged: SeedChangedException.Find(e) is not null);
        }
        Report(request, result, reporter);
        return new Outcome(result.StrictFailed ? ExitCodes.WarningsInStrictMode : ExitCodes.Success);
    }

    private static void Report(BuildRequest request, BuildResult result, Reporter reporter)
    {
        var seconds = result.Elapsed.TotalSeconds;
        var output = reporter.Paths.Show(request.OutputDirectory);
        if (result.NoOp)
        {
            reporter.Result($"Nothing changed: {result.SeedFiles} seed file{Plural(result.SeedFiles)}, {result.Kept} files in {output} are up to date ({seconds:0.00} s).");
            return;
        }
        reporter.Diagnostics(result.Diagnostics, request.SeedsDirectory);
        var warnings = result.Diagnostics.Count(d => d.Severity >= DiagnosticSeverity.Warning);
        if (result.StrictFailed)
        {
            reporter.Error($"{warnings} warning(s) and --strict: nothing was written.");
            return;
        }
        if (request.Options.SiteUrl.Length == 0)
            reporter.Log("note: no site_url is set, so pages have no canonical URL, the feed uses site paths and no sitemap.xml is written; set site_url in archivist.yml or pass --site-url.");
        var s = result.Stats!;
        reporter.Result(
            $"Built {s.Posts} post{Plural(s.Posts)} ({s.Comments} comment{Plural(s.Comments)}) from {result.SeedFiles} seed file{Plural(result.SeedFiles)} " +
            $"({result.CacheHits} from cache) in {seconds:0.00} s; {warnings} warning{Plural(warnings)}.");
        reporter.Result(
            $"Rendered {result.Rendered} of {result.Rendered + result.Kept} files; wrote {result.Summary.Written}, kept {result.Summary.Unchanged} unchanged, " +
            $"deleted {result.Summary.Deleted} in {output}.");
    }

    private static string Plural(int n) => n == 1 ? "" : "s";
}
