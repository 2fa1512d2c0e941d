using Archivist.Output;
using Archivist.Tests.Support;

namespace Archivist.Tests.Output;

public class OutputCleanerTests : IDisposable
{
    private readonly TestSite _site = new();

    public OutputCleanerTests() => _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body."));

    public void Dispose() => _site.Dispose();

    [Fact]
    public void DeletesOnlyGeneratedFiles()
    {
        _site.Build();
        File.WriteAllText(Path.Combine(_site.Output, "2025", "notes.txt"), "mine");
        var result = OutputCleaner.Clean(_site.Output, TimeSpan.FromSeconds(5));
        Assert.Equal(1, result.Kept);
        Assert.False(result.FolderRemoved);
        Assert.Equal(["2025/notes.txt"], Directory.EnumerateFiles(_site.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_site.Output, f).Replace('\\', '/')));
    }

    [Fact]
    public void RemovesTheFolderWhenNothingElseIsInIt()
    {
        _site.Build();
        Assert.True(OutputCleaner.Clean(_site.Output, TimeSpan.FromSeconds(5)).FolderRemoved);
        Assert.False(Directory.Exists(_site.Output));
    }

    [Fact]
    public void RefusesAFolderItDidNotCreate()
    {
        Directory.CreateDirectory(_site.Output);
        File.WriteAllText(Path.Combine(_site.Output, "index.html"), "someone else's");
        Assert.Throws<OutputFolderException>(() => OutputCleaner.Clean(_site.Output, TimeSpan.FromSeconds(5)));
        Assert.True(File.Exists(Path.Combine(_site.Output, "index.html")));
    }

    [Fact]
    public void KeepsAGeneratedFileEditedSinceTheBuildAndSaysSo()
    {
        _site.Build();
        File.WriteAllText(Path.Combine(_site.Output, "index.html"), "my own notes now");
        var result = OutputCleaner.Clean(_site.Output, TimeSpan.FromSeconds(5));
        Assert.Equal(["index.html"], result.Changed);
        Assert.Equal("my own notes now", File.ReadAllText(Path.Combine(_site.Output, "index.html")));
        Assert.False(File.Exists(Path.Combine(_site.Output, "2025", "10", "alpha.html")));
        Assert.False(result.FolderRemoved);
    }
}
