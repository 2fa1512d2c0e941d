using Archivist.Build;
using Archivist.Content;
using Archivist.Tests.Support;

namespace Archivist.Tests.Build;

public class SeedFileCodecTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepoPaths.Tests, "Seeds", "Fixtures")).Where(p => !p.EndsWith(".expected.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void CachedResultReadsBackEqual(string fixture)
    {
        var original = SeedFileLoader.Load(Path.Combine(RepoPaths.Tests, "Seeds", "Fixtures", fixture), fixture);
        using var stream = new MemoryStream();
        SeedFileCodec.Write(stream, original);
        var copy = SeedFileCodec.Read(stream.ToArray());
        Assert.Equal(original.Name, copy.Name);
        Assert.Equal(original.Bytes, copy.Bytes);
        Assert.Equal(original.Skipped, copy.Skipped);
        Assert.Equal(original.Diagnostics, copy.Diagnostics);
        Assert.Equal(original.Posts, copy.Posts); // by digest: the copy carries no text
        Assert.All(copy.Posts, p => Assert.Null(p.Post.Text));
    }

    [Fact]
    public void TruncatedEntryIsRejected()
    {
        var original = SeedFileLoader.Load(Path.Combine(RepoPaths.Tests, "Seeds", "Fixtures", "layout-a-numbered.txt"), "a.txt");
        using var stream = new MemoryStream();
        SeedFileCodec.Write(stream, original);
        var cut = stream.ToArray()[..(int)(stream.Length - 10)];
        Assert.Throws<InvalidDataException>(() => SeedFileCodec.Read(cut));
    }
}
