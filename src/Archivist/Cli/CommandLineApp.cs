using System.CommandLine;

namespace Archivist.Cli;

/// <summary>
/// The archivist command line as a whole, and its exit-code contract: bad arguments and unexpected
/// failures both exit <see cref="ExitCodes.Fatal"/>, never 1, which means "warnings under --strict".
/// </summary>
public static class CommandLineApp
{
    public const string DebugVariable = "ARCHIVIST_DEBUG";

    public static RootCommand CreateRoot() =>
        new("Archivist: turns raw text dumps of a blog into a fast, searchable static archive website. " +
            "Exit codes: 0 success, 1 warnings under --strict, 2 could not run (bad arguments, missing folders, an unexpected failure).")
        {
            BuildCommand.Create(),
            CleanCommand.Create(),
            ImportCommand.Create(),
            ServeCommand.Create(),
            SearchCommand.Create(),
        };

    /// <param name="output">Where help goes (stdout by default).</param>
    /// <param name="error">Where argument errors and failures go (stderr by default).</param>
    public static int Run(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var errors = error ?? Console.Error;
        // Our own handler below replaces System.CommandLine's, which dumps the stack trace and exits 1.
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Error = errors };
        if (output is not null) configuration.Output = output;
        try
        {
            var parse = root.Parse(args);
            var code = parse.Invoke(configuration);
            // With parse errors, System.CommandLine has printed what was wrong and the usage, and returned 1.
            return parse.Errors.Count > 0 ? ExitCodes.Fatal : code;
        }
        catch (Exception e)
        {
            var cause = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : e;
            errors.WriteLine($"error: unexpected failure: {cause.GetType().Name}: {OneLine(cause.Message)}");
            errors.WriteLine($"hint: this is a bug in archivist; please report it with the command you ran ({DebugVariable}=1 shows where it happened).");
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1") errors.WriteLine(e);
            return ExitCodes.Fatal;
        }
    }

    private static string OneLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
