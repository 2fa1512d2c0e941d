namespace Archivist;

public enum DiagnosticSeverity
{
    /// <summary>Worth knowing, changes nothing (an estimated date, a merged duplicate).</summary>
    Info,
    /// <summary>Something was recovered or guessed; output was still written.</summary>
    Warning,
    /// <summary>Something could not be used (an unreadable file was skipped).</summary>
    Error,
}

/// <summary>One message about the input, pointing at a file and, where it helps, a line.</summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string File, int? Line, string Message)
{
    public static Diagnostic Info(string file, int? line, string message) => new(DiagnosticSeverity.Info, file, line, message);
    public static Diagnostic Warning(string file, int? line, string message) => new(DiagnosticSeverity.Warning, file, line, message);
    public static Diagnostic Error(string file, int? line, string message) => new(DiagnosticSeverity.Error, file, line, message);

    /// <summary>Compiler-style location so editors and terminals can jump to it: <c>seeds/a.txt:12: warning: …</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } l ? $"{File}:{l}" : File;
        var severity = Severity switch
        {
            DiagnosticSeverity.Info => "note",
            DiagnosticSeverity.Warning => "warning",
            _ => "error",
        };
        return $"{where}: {severity}: {Message}";
    }
}

/// <summary>Collects diagnostics from a stage. Thread-safe, and sorted on read so output is deterministic.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate) _items.Add(diagnostic);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_gate) _items.AddRange(diagnostics);
    }

    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_gate)
        {
            return _items
                .OrderBy(d => d.File, StringComparer.Ordinal)
                .ThenBy(d => d.Line ?? 0)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .ToList();
        }
    }

    public int Count(DiagnosticSeverity severity)
    {
        lock (_gate) return _items.Count(d => d.Severity == severity);
    }
}
