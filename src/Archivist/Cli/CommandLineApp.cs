using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Archivist.Cli;

/// <summary>
/// The archivist command line as a whole, and its exit-code contract: bad arguments and unexpected
/// failures both exit <see cref="ExitCodes.Fatal"/>, never 1, which means "warnings under --strict".
/// </summary>
public static class CommandLineApp
{
    public const string DebugVariable = "ARCHIVIST_DEBUG";

    /// <summary>What the user typed to run the tool, for usage lines: <c>./build.sh</c> sets it; otherwise <c>archivist</c>.</summary>
    public const string CommandNameVariable = "ARCHIVIST_COMMAND_NAME";

    public static RootCommand CreateRoot(string? commandName = null)
    {
        var root = new RootCommand(
            "Archivist: turns raw text dumps of a blog into a fast, searchable static archive website. " +
            "Exit codes: 0 success, 1 warnings under --strict, 2 could not run (bad arguments, missing folders, an unexpected failure).")
        {
            BuildCommand.Create(),
            CleanCommand.Create(),
            ImportCommand.Create(),
            ServeCommand.Create(),
            SearchCommand.Create(),
        };
        root.HelpName = commandName ?? (Environment.GetEnvironmentVariable(CommandNameVariable) is { Length: > 0 } typed ? typed : "archivist");
        // build is what most people run (./build.sh --help shows its help), so its help also says what else there is.
        if (root.Options.OfType<HelpOption>().SingleOrDefault() is { Action: HelpAction help } option)
            option.Action = new BuildHelpAction(help, root);
        return root;
    }

    /// <summary>The usual help, and after build's the other commands (System.CommandLine's help layout is not public).</summary>
    private sealed class BuildHelpAction(HelpAction help, RootCommand root) : SynchronousCommandLineAction
    {
        // As help's own: asking for help is not an error, even with a required option or argument missing.
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parse)
        {
            var code = help.Invoke(parse);
            if (parse.CommandResult.Command.Name != "build") return code;
            var output = parse.InvocationConfiguration.Output;
            var others = root.Subcommands.Where(c => c.Name != "build").ToList();
            var width = others.Max(c => c.Name.Length) + 2;
            output.WriteLine($"Other commands ({root.HelpName} <command> --help for each):");
            foreach (var command in others)
                output.WriteLine($"  {command.Name.PadRight(width)}{FirstSentence(command.Description ?? "")}");
            output.WriteLine();
            return code;
        }
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }

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
            errors.WriteLine($"error: unexpected failure: {cause.GetType().Name}: {TerminalText.Escape(OneLine(cause.Message))}");
            errors.WriteLine($"hint: this is a bug in archivist; please report it with the command you ran ({DebugVariable}=1 shows where it happened).");
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
                foreach (var line in e.ToString().Split('\n')) errors.WriteLine(TerminalText.Escape(line.TrimEnd('\r')));
            return ExitCodes.Fatal;
        }
    }

    private static string OneLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
