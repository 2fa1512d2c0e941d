namespace Archivist.Tests.Support;

/// <summary>Locates files in the source tree, so golden files are read and updated in place.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");
    public static string Templates => Path.Combine(Root, "templates");
    public static string Tests => Path.Combine(Root, "tests", "Archivist.Tests");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build.sh")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (a folder holding build.sh and src/) above " + AppContext.BaseDirectory);
    }
}
