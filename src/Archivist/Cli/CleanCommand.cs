using System.CommandLine;
using Archivist.Output;

namespace Archivist.Cli;

/// <summary><c>archivist clean</c>: removes the files a build generated, and only those.</summary>
public static class CleanCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            CustomParser = UserPaths.TypedDirectory,
            Description = "The site folder to clean. Only files listed in its .archivist-manifest are deleted; a folder archivist did not create is refused.",
            DefaultValueFactory = _ => new DirectoryInfo("site-output"),
        };
        var command = new Command("clean", "Delete the generated site (the files archivist wrote, nothing else). The cache is left alone. " +
            "Exit codes: 0 done, 2 could not clean (bad arguments, a folder archivist did not create).") { output };
        command.SetAction(parse => Run(parse.GetValue(output)!, new Reporter()));
        return command;
    }

    public static int Run(DirectoryInfo output, Reporter reporter)
    {
        // clean takes no --seeds or --templates: it keeps clear of the ones a plain build would read.
        var inputs = BuildSettings.Inputs(new DirectoryInfo("seeds"), new DirectoryInfo("templates"), new FileInfo(Settings.SiteOptionsLoader.FileName))
            .Where(i => Path.Exists(i.Path));
        if (FolderOverlap.Problem(inputs, [new UsedPath("--out", output.FullName)]) is { } problem)
        {
            reporter.Error(problem);
            return ExitCodes.Fatal;
        }
        try
        {
            var result = OutputCleaner.Clean(output.FullName, TimeSpan.FromMinutes(2), reporter.Log);
            if (result.Changed.Count > 0)
                reporter.Warning($"kept {result.Changed.Count} generated file{(result.Changed.Count == 1 ? "" : "s")} changed since the build " +
                    $"(edited by hand, so not deleted): {string.Join(", ", result.Changed.Take(10))}{(result.Changed.Count > 10 ? ", …" : "")}");
            reporter.Result(result.FolderRemoved
                ? $"Deleted {result.Deleted} generated files and {output.FullName}."
                : $"Deleted {result.Deleted} generated files; kept {result.Kept} other file{(result.Kept == 1 ? "" : "s")} in {output.FullName}.");
            return ExitCodes.Success;
        }
        catch (OutputFolderException e)
        {
            reporter.Error(e.Message);
            return ExitCodes.Fatal;
        }
    }
}
