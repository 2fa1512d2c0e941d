using System.CommandLine.Parsing;

namespace Archivist.Cli;

/// <summary>
/// Paths as the user sees them: relative to the folder the command was run from. Files are named that way
/// (<c>seeds/002_x.txt:13</c>), so they can be pasted or clicked, and paths the user types are read that way.
/// <c>./build.sh</c> works from the repository root (where the defaults, <c>seeds/</c> and the rest, are) and passes
/// the folder the user was in as <see cref="CallerDirectoryVariable"/>.
/// </summary>
public sealed record UserPaths(string WorkingDirectory)
{
    public const string CallerDirectoryVariable = "ARCHIVIST_CALLER_DIR";

    /// <summary>Past this many <c>../</c> a relative name is harder to read than the full path.</summary>
    public const int MaxClimb = 2;

    public static UserPaths FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(CallerDirectoryVariable) is { Length: > 0 } dir && Path.IsPathFullyQualified(dir)
            ? dir
            : Environment.CurrentDirectory);

    /// <summary><paramref name="path"/> (full, or relative to this process's directory) as the user should see it.</summary>
    public string Show(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(WorkingDirectory, full);
        if (Path.IsPathRooted(relative)) return full; // another drive
        var climbs = relative.Split(Path.DirectorySeparatorChar).TakeWhile(part => part == "..").Count();
        return climbs > MaxClimb ? full : relative;
    }

    /// <summary>A path the user typed, in full: relative paths are relative to where they typed it.</summary>
    public string Resolve(string typed) => Path.GetFullPath(typed, WorkingDirectory);

    /// <summary>Parser for a folder option: what is typed is relative to the user's folder; defaults are not parsed.</summary>
    public static DirectoryInfo TypedDirectory(ArgumentResult result) => Typed(result, path => new DirectoryInfo(path))!;

    /// <summary>Parser for a file option, as <see cref="TypedDirectory"/>.</summary>
    public static FileInfo TypedFile(ArgumentResult result) => Typed(result, path => new FileInfo(path))!;

    private static T? Typed<T>(ArgumentResult result, Func<string, T> make) where T : class
    {
        var typed = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (typed.Trim().Length == 0)
        {
            result.AddError("a path must not be empty.");
            return null;
        }
        return make(FromEnvironment().Resolve(typed));
    }
}
