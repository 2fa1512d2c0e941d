namespace Archivist.Cli;

/// <summary>
/// How the command line names files to the user: relative to the folder the command was run from, as the user
/// would type them (<c>seeds/002_x.txt:13</c>), so they can be pasted or clicked. <c>./build.sh</c> works from the
/// repository root and passes the folder the user was in as <see cref="CallerDirectoryVariable"/>.
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
}
