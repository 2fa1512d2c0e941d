using System.CommandLine;
using Archivist.Cli;
using Archivist.Tests.Support;

namespace Archivist.Tests.Cli;

/// <summary>The exit-code contract of the whole command line: 2 for bad arguments and for unexpected failures.</summary>
public class CommandLineAppTests
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private int Run(params string[] args) => CommandLineApp.Run(CommandLineApp.CreateRoot(), args, _out, _err);

    [Theory]
    [InlineData("Required argument missing for option: '--out'", "import", "--out")]
    [InlineData("Option '--out' is required", "import")]
    [InlineData("Unrecognized command or argument '--bogus'", "import", "--seeds", "seeds", "--out", "x", "--bogus")]
    [InlineData("Unrecognized command or argument '--bogus'", "build", "--bogus")]
    [InlineData("Required argument missing for option: '--seeds'", "build", "--seeds")]
    [InlineData("Cannot parse argument 'many' for option '--port'", "serve", "--port", "many")]
    [InlineData("Unrecognized command or argument '--bogus'", "clean", "--bogus")]
    [InlineData("Required argument 'query' missing for command: 'search'", "search")]
    [InlineData("Cannot parse argument 'x' for option '--limit'", "search", "--limit", "x", "napo")]
    [InlineData("Unrecognized command or argument 'frobnicate'", "frobnicate")]
    [InlineData("Required command was not provided", new string[0])]
    public void ParseErrorsExitTwoWithSystemCommandLinesMessage(string message, params string[] args)
    {
        Assert.Equal(ExitCodes.Fatal, Run(args));
        Assert.Contains(message, _err.ToString());
    }

    [Theory]
    [InlineData("build")]
    [InlineData("clean")]
    [InlineData("import")]
    [InlineData("serve")]
    [InlineData("search")]
    public void EveryCommandsHelpDocumentsItsExitCodes(string command)
    {
        Assert.Equal(ExitCodes.Success, Run(command, "--help"));
        Assert.Contains("Exit codes: 0 ", _out.ToString());
        Assert.Contains("2 could not", _out.ToString());
    }

    [Fact]
    public void BuildsHelpAlsoListsTheOtherCommands()
    {
        Assert.Equal(ExitCodes.Success, Run("build", "--help"));
        var help = _out.ToString();
        Assert.Contains("--base-path", help);
        Assert.Contains("Other commands (archivist <command> --help for each):", help);
        foreach (var command in new[] { "clean", "import", "serve", "search" }) Assert.Contains($"\n  {command} ", help.Replace("\r", ""));
        _out.GetStringBuilder().Clear();
        Assert.Equal(ExitCodes.Success, Run("search", "--help"));
        Assert.DoesNotContain("Other commands", _out.ToString());
    }

    [Theory]
    [InlineData(null, "archivist search <query>... [options]")]
    [InlineData("./build.sh", "./build.sh search <query>... [options]")]
    public void UsageLinesNameTheCommandTheUserTyped(string? typed, string usage)
    {
        Assert.Equal(ExitCodes.Success, CommandLineApp.Run(CommandLineApp.CreateRoot(typed), ["search", "--help"], _out, _err));
        Assert.Contains(usage, _out.ToString());
    }

    [Fact]
    public void AnUnexpectedExceptionIsAOneLineErrorWithAHintAndExitTwo()
    {
        var root = new RootCommand("test");
        var boom = new Command("boom");
        boom.SetAction(_ => Parallel.For(0, 2, i => throw new InvalidOperationException("the state went wrong\n   at Somewhere()")));
        root.Subcommands.Add(boom);

        Assert.Equal(ExitCodes.Fatal, CommandLineApp.Run(root, ["boom"], _out, _err));
        var lines = _err.ToString().TrimEnd().Split('\n');
        Assert.Equal("error: unexpected failure: InvalidOperationException: the state went wrong", lines[0].TrimEnd('\r'));
        Assert.StartsWith("hint: this is a bug in archivist; please report it", lines[1]);
        Assert.DoesNotContain("   at ", _err.ToString());
    }

    [Fact]
    public void AnUnexpectedFailuresMessageIsPrintedWithItsControlCharactersEscaped()
    {
        var root = new RootCommand("test");
        var boom = new Command("boom");
        boom.SetAction(int (_) => throw new InvalidOperationException("bad value '\u001b]0;PWNED\u0007'"));
        root.Subcommands.Add(boom);

        Assert.Equal(ExitCodes.Fatal, CommandLineApp.Run(root, ["boom"], _out, _err));
        Assert.StartsWith(@"error: unexpected failure: InvalidOperationException: bad value '\e]0;PWNED\a'", _err.ToString());
    }

    /// <summary>The real process, so Program.cs is known to go through the same path.</summary>
    [Fact]
    public void TheToolExitsTwoOnAMissingOptionValue()
    {
        var result = ExternalTool.Run("dotnet", [typeof(CommandLineApp).Assembly.Location, "import", "--out"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Required argument missing for option: '--out'", result.StdErr);
    }
}
