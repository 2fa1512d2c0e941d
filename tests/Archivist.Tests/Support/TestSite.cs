using System.Text;
using Archivist.Build;
using Archivist.Settings;

namespace Archivist.Tests.Support;

/// <summary>
/// A throwaway project in a temp folder: seeds, a copy of the real templates, an output folder and a
/// cache. Builds run in process through <see cref="SiteBuilder"/>, as the CLI runs them.
/// </summary>
public sealed class TestSite : IDisposable
{
    public TestSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "archivist-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Seeds);
        CopyDirectory(RepoPaths.Templates, Templates);
    }

    public string Root { get; }
    public string Seeds => Path.Combine(Root, "seeds");
    public string Templates => Path.Combine(Root, "templates");
    public string Output => Path.Combine(Root, "out");
    public string Cache => Path.Combine(Root, "cache");
    public SiteOptions Options { get; set; } = new() { Title = "Test Archive", SiteUrl = "https://example.org/", PostsPerPage = 3 };

    public TestSite AddSeed(string name, string text)
    {
        File.WriteAllText(Path.Combine(Seeds, name), text);
        return this;
    }

    public void RemoveSeed(string name) => File.Delete(Path.Combine(Seeds, name));

    public BuildResult Build(bool force = false, bool useCache = true, string? output = null) => SiteBuilder.Build(new BuildRequest
    {
        SeedsDirectory = Seeds,
        OutputDirectory = output ?? Output,
        TemplatesDirectory = Templates,
        Options = Options,
        CacheDirectory = useCache ? Cache : null,
        Force = force,
        LockWait = TimeSpan.FromSeconds(5),
    }, new SilentObserver());

    public string Read(string path) => File.ReadAllText(Path.Combine(Output, path));

    public bool Exists(string path) => File.Exists(Path.Combine(Output, path));

    /// <summary>Every generated file (bookkeeping excluded) with its bytes.</summary>
    public SortedDictionary<string, byte[]> Files(string? output = null)
    {
        var root = output ?? Output;
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (Archivist.Output.OutputFolder.IsOwnBookkeeping(relative.Split('/')[0])) continue;
            files[relative] = File.ReadAllBytes(file);
        }
        return files;
    }

    /// <summary>Every generated file's modification time, to see which a build rewrote.</summary>
    public SortedDictionary<string, DateTime> Times()
    {
        var times = new SortedDictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var path in Files().Keys) times[path] = File.GetLastWriteTimeUtc(Path.Combine(Output, path));
        return times;
    }

    /// <summary>Sets every output file's time into the past, so a rewrite is visible even within the clock's resolution.</summary>
    public void AgeOutput()
    {
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var path in Files().Keys) File.SetLastWriteTimeUtc(Path.Combine(Output, path), past);
        // The page memo in the cache records each file's time; rewrite it to match so the files still count as intact.
        var memoPath = LastBuildMemo.PathFor(Cache, Output)!;
        var lines = File.ReadAllLines(memoPath);
        for (var i = 1; i < lines.Length; i++)
        {
            var parts = lines[i].Split('\t');
            parts[^1] = past.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines[i] = string.Join('\t', parts);
        }
        File.WriteAllText(memoPath, string.Join('\n', lines) + "\n");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>Writes seed text in the blog's dump format (layout A comments), for tests.</summary>
public static class SeedText
{
    public static string Post(string date, string title, string body, params string[] comments)
    {
        var sb = new StringBuilder();
        sb.Append(date).Append("\n\n").Append(title).Append("\n\n").Append(body).Append("\n\n");
        if (comments.Length > 0)
        {
            sb.Append(comments.Length).Append(comments.Length == 1 ? " comment:\n\n" : " comments:\n\n");
            for (var i = 0; i < comments.Length; i++)
                sb.Append("  ").Append(i + 1).Append(". ").Append(comments[i]).Append("\n\n    ReplyDelete\n");
        }
        return sb.ToString();
    }
}
