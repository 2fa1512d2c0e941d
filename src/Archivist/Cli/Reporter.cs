using Spectre.Console;

namespace Archivist.Cli;

/// <summary>
/// Where the CLI talks: results on stdout, diagnostics and progress on stderr. On a terminal, long work
/// shows a live progress bar; otherwise (CI, pipes, tests) it logs plain lines.
/// </summary>
public sealed class Reporter : Build.IBuildObserver
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;

    public Reporter(TextWriter? stdout = null, TextWriter? stderr = null, bool? interactive = null)
    {
        _out = stdout ?? Console.Out;
        _err = stderr ?? Console.Error;
        Interactive = interactive ?? (!Console.IsErrorRedirected && !Console.IsOutputRedirected
            && Environment.GetEnvironmentVariable("CI") is null && Environment.GetEnvironmentVariable("TERM") is not "dumb");
    }

    public bool Interactive { get; }
    public bool Quiet { get; init; }

    /// <summary>How files are named in messages (relative to where the user ran the command).</summary>
    public UserPaths Paths { get; init; } = UserPaths.FromEnvironment();

    // Every line goes through TerminalText: messages quote values from seeds and settings.
    public void Result(string line) => _out.WriteLine(TerminalText.Escape(line));

    public void Log(string line)
    {
        if (!Quiet) _err.WriteLine(TerminalText.Escape(line));
    }

    public void Error(string message) => _err.WriteLine("error: " + TerminalText.Escape(message));

    public void Warning(string message) => _err.WriteLine("warning: " + TerminalText.Escape(message));

    /// <summary>Something the user should know about the result (never on stdout, which may be JSON lines).</summary>
    public void Note(string message) => _err.WriteLine("note: " + TerminalText.Escape(message));

    /// <summary>Prints diagnostics whose files are named relative to <paramref name="folder"/> (the seeds folder).</summary>
    public void Diagnostics(IEnumerable<Diagnostic> diagnostics, string folder)
    {
        foreach (var d in diagnostics)
        {
            if (Quiet && d.Severity == DiagnosticSeverity.Info) continue;
            _err.WriteLine(TerminalText.Escape((d.File.Length == 0 ? d : d with { File = Paths.Show(Path.Combine(folder, d.File)) }).ToString()));
        }
    }

    /// <summary>Runs <paramref name="work"/> with a progress callback (done, total, label).</summary>
    public T Progress<T>(string title, Func<Action<int, int, string>, T> work)
    {
        if (!Interactive || Quiet)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Log(title + "…");
            var done = work((_, _, _) => { });
            Log($"{title}: done in {clock.Elapsed.TotalSeconds:0.00} s");
            return done;
        }
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(TerminalText.Escape(title)));
                result = work((done, total, label) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                    task.Description = Markup.Escape(TerminalText.Escape(string.IsNullOrEmpty(label) ? title : $"{title}: {label}"));
                });
            });
        return result;
    }

    T Build.IBuildObserver.Step<T>(string title, Func<Action<int, int, string>, T> work) => Progress(title, work);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
