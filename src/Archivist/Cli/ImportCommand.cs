using System.CommandLine;
using System.Diagnostics;
using Archivist.Content;
using Archivist.Output;

namespace Archivist.Cli;

/// <summary><c>archivist import</c>: seeds → one Markdown document with YAML front matter per post.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var seeds = new Option<DirectoryInfo>("--seeds")
        {
            CustomParser = UserPaths.TypedDirectory,
            Description = "Folder of seed files (.txt raw dumps, .md finished posts).",
            DefaultValueFactory = _ => new DirectoryInfo("seeds"),
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            CustomParser = UserPaths.TypedDirectory,
            Description = "Folder to write the Markdown documents into (yyyy/mm/slug.md, undated/slug.md). Created if missing; only files archivist wrote there are ever replaced or deleted.",
            Required = true,
        };
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 1, nothing written) when any warning is reported." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only print warnings, errors and the summary." };

        var command = new Command("import",
            "Convert raw seed dumps into Markdown documents with YAML front matter, one per post. " +
            "Exit codes: 0 done, 1 warnings under --strict (nothing written), 2 could not import.")
        {
            seeds, output, strict, quiet,
        };
        command.SetAction(parse => Run(
            parse.GetValue(seeds)!, parse.GetValue(output)!, parse.GetValue(strict),
            new Reporter { Quiet = parse.GetValue(quiet) }));
        return command;
    }

    public static int Run(DirectoryInfo seeds, DirectoryInfo output, bool strict, Reporter reporter)
    {
        if (!seeds.Exists)
        {
            reporter.Error($"seeds folder '{seeds.FullName}' does not exist.");
            return ExitCodes.Fatal;
        }
        if (FolderOverlap.Problem([new UsedPath("--seeds", seeds.FullName)], [new UsedPath("--out", output.FullName)]) is { } problem)
        {
            reporter.Error(problem);
            return ExitCodes.Fatal;
        }
        var clock = Stopwatch.StartNew();
        var content = reporter.Progress("Reading seeds", report =>
        {
            var total = Seeds.SeedReader.List(seeds.FullName).Count;
            var done = 0;
            return ContentLoader.Load(seeds.FullName, PermalinkPattern.Blogger,
                new Progress<string>(name => report(Interlocked.Increment(ref done), total, name)));
        });
        reporter.Diagnostics(content.Diagnostics, seeds.FullName);
        var warnings = content.Diagnostics.Count(d => d.Severity >= DiagnosticSeverity.Warning);
        if (strict && warnings > 0)
        {
            reporter.Error($"{warnings} warning(s) and --strict: nothing was written.");
            return ExitCodes.WarningsInStrictMode;
        }

        CommitSummary summary;
        try
        {
            using var folder = OutputFolder.Open(output.FullName, TimeSpan.FromMinutes(2), reporter.Log);
            if (folder.RecoveryNote is { } note) reporter.Log(note);
            using var transaction = folder.Begin();
            foreach (var post in content.Posts)
                transaction.WriteText(ContentAssembler.DocumentPath(post), PostDocumentWriter.Write(post));
            summary = transaction.Commit();
        }
        catch (OutputFolderException e)
        {
            reporter.Error(e.Message);
            return ExitCodes.Fatal;
        }

        var s = content.Stats;
        reporter.Result(
            $"Imported {s.FilesRead} seed file{Plural(s.FilesRead)} ({Reporter.Size(s.Bytes)}) in {clock.Elapsed.TotalSeconds:0.00} s: " +
            $"{s.Posts} post{Plural(s.Posts)} ({s.PostsFound - s.Posts} duplicate{Plural(s.PostsFound - s.Posts)} merged), {s.Comments} comment{Plural(s.Comments)}; " +
            $"{warnings} warning{Plural(warnings)}" +
            (s.FilesSkipped > 0 ? $", {s.FilesSkipped} file{Plural(s.FilesSkipped)} skipped" : "") + ".");
        reporter.Result($"Wrote {summary.Written}, kept {summary.Unchanged} unchanged, deleted {summary.Deleted} in {reporter.Paths.Show(output.FullName)}.");
        return ExitCodes.Success;
    }

    private static string Plural(int n) => n == 1 ? "" : "s";
}
