namespace Archivist.Output;

/// <summary>Checks that a generated file's path stays inside the output folder.</summary>
public static class OutputPath
{
    /// <summary>True for a relative '/'-separated path with no empty, '.' or '..' segments.</summary>
    public static bool IsSafe(string path)
    {
        if (path.Length == 0 || path.Length > 1024 || path[0] == '/' || path.Contains('\\') || path.Contains(':')) return false;
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..") return false;
            foreach (var c in segment) if (char.IsControl(c)) return false;
        }
        return true;
    }

    public static string Require(string path) =>
        IsSafe(path) ? path : throw new ArgumentException($"'{path}' is not a safe path inside the output folder", nameof(path));

    public static string ToFull(string root, string path) => Path.Combine(root, OutputPath.Require(path).Replace('/', Path.DirectorySeparatorChar));
}
