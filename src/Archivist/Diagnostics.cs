namespace Archivist;

public enum DiagnosticSeverity
{
    /// <summary>Worth knowing, changes nothing (an estimated date, a merged duplicate).</summary>
    Info,
    /// <summary>
    /// Something was recovered, guessed or skipped (an unreadable file); output was still written. There is no error
    /// severity: "error:" is printed only by a command that stops (exit 2), so a word and its count always agree.
    /// </summary>
    Warning,
}

/// <summary>One message about the input, pointing at a file and, where it helps, a line.</summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string File, int? Line, string Message)
{
    public static Diagnostic Info(string file, int? line, string message) => new(DiagnosticSeverity.Info, file, line, message);
    public static Diagnostic Warning(string file, int? line, string message) => new(DiagnosticSeverity.Warning, file, line, message);

    /// <summary>Compiler-style location so editors and terminals can jump to it: <c>seeds/a.txt:12: warning: …</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } l ? $"{File}:{l}" : File;
        return $"{where}: {(Severity == DiagnosticSeverity.Info ? "note" : "warning")}: {Message}";
    }
}
