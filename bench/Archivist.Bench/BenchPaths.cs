namespace Archivist.Bench;

public static class BenchPaths
{
    public static string Root { get; } = FindRoot();
    public static string Out => Path.Combine(Root, "bench", "out");
    public static string Seeds => Path.Combine(Root, "seeds");
    public static string Corpus(int posts) => Path.Combine(Out, $"corpus-{posts}");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "build.sh")) && Directory.Exists(Path.Combine(dir.FullName, "bench")))
                return dir.FullName;
        throw new InvalidOperationException("run the benchmark from inside the repository");
    }

    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
