using Archivist.Build;
using Archivist.Output;
using Archivist.Rendering;

namespace Archivist.Tests.Build;

public sealed class LastBuildMemoTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("archivist-memo-").FullName;
    private string MemoPath => Path.Combine(_root, "pages", "memo.tsv");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static PageJob Job(string path, string input) => new(path, input, () => ReadOnlyMemory<byte>.Empty);

    /// <summary>The memo as archivist wrote it before it was streamed and read as bytes: a user upgrading keeps it.</summary>
    [Fact]
    public void AMemoInTheFormatEarlierArchivistsWroteIsRead()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(MemoPath)!);
        File.WriteAllText(MemoPath,
            "# archivist page memo v2: path\tinput-hash\toutput-hash\tmtime-ticks\n" +
            ".nojekyll\t-\te3b0c44298fc1c149afbf4c8996fb924\t639322561959263432\n" +
            "1998/07/é.html\t1e7fe90ee83396994747bf382bf48756\t7fb69a1555d9611ab45b2844cc231b66\t639322562251303421\n");
        var memo = LastBuildMemo.Load(MemoPath);
        Assert.Equal(new Dictionary<string, long> { [".nojekyll"] = 639322561959263432, ["1998/07/é.html"] = 639322562251303421 }, memo.Stamps);
        var previous = new OutputManifest([new ManifestEntry("1998/07/é.html", 5, "7fb69a1555d9611ab45b2844cc231b66"), new ManifestEntry(".nojekyll", 0, "e3b0c44298fc1c149afbf4c8996fb924")]);
        Assert.True(memo.IsUnchanged(Job("1998/07/é.html", "1e7fe90ee83396994747bf382bf48756"), previous));
        Assert.False(memo.IsUnchanged(Job("1998/07/é.html", "changed"), previous));
        Assert.False(memo.IsUnchanged(Job(".nojekyll", "-"), previous)); // a file with no recorded inputs is never a kept page
    }

    [Fact]
    public void WhatIsSavedIsReadBack()
    {
        var manifest = new OutputManifest([new ManifestEntry("b.html", 2, "hb"), new ManifestEntry("a.html", 1, "ha"), new ManifestEntry("gone.html", 1, "hg")]);
        var stamps = new Dictionary<string, long> { ["a.html"] = 1, ["b.html"] = 638000000000000000 };
        LastBuildMemo.Save(MemoPath, [Job("a.html", "in-a")], manifest, stamps);
        Assert.Equal(
            "# archivist page memo v2: path\tinput-hash\toutput-hash\tmtime-ticks\na.html\tin-a\tha\t1\nb.html\t-\thb\t638000000000000000\n",
            File.ReadAllText(MemoPath));
        var memo = LastBuildMemo.Load(MemoPath);
        Assert.Equal(stamps, memo.Stamps);
        Assert.True(memo.IsUnchanged(Job("a.html", "in-a"), manifest));
    }

    [Theory]
    [InlineData("# archivist page memo v1\n")]
    [InlineData("# archivist page memo v2: path\tinput-hash\toutput-hash\tmtime-ticks\na.html\tin\tout\n")]
    [InlineData("# archivist page memo v2: path\tinput-hash\toutput-hash\tmtime-ticks\na.html\tin\tout\t-5\n")]
    [InlineData("# archivist page memo v2: path\tinput-hash\toutput-hash\tmtime-ticks\na.html\tin\tout\t5\textra\n")]
    public void ADamagedOrForeignMemoMeansRenderEverything(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(MemoPath)!);
        File.WriteAllText(MemoPath, text);
        Assert.Empty(LastBuildMemo.Load(MemoPath).Stamps);
    }
}
