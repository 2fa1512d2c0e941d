using Archivist.Output;

namespace Archivist.Tests.Output;

public class OutputManifestTests
{
    [Fact]
    public void AManifestReadsBackAsWrittenWithItsPropertiesAndInPathOrder()
    {
        var written = new OutputManifest(
            [new ManifestEntry("b/z.html", 12, "h2"), new ManifestEntry("a.html", 0, "h1"), new ManifestEntry("b/a b.html", 3, "h3")],
            new Dictionary<string, string> { ["inputs"] = "abc", ["another"] = "x y" });
        var text = written.Serialize();
        var read = OutputManifest.Parse(text);
        Assert.Equal(["a.html", "b/a b.html", "b/z.html"], read.Entries.Select(e => e.Path));
        Assert.Equal(written.Entries, read.Entries);
        Assert.Equal("abc", read.Properties["inputs"]);
        Assert.Equal("x y", read.Properties["another"]);
        Assert.Equal(text, read.Serialize());
        Assert.True(read.TryGet("b/z.html", out var entry) && entry.Size == 12 && entry.Hash == "h2");
    }

    [Fact]
    public void AnUnsortedManifestIsSortedAndAVersionOneLineIsReadWithoutItsTime()
    {
        var read = OutputManifest.Parse("# archivist manifest v1\nz.html\t1\th\t638000000000000000\na.html\t2\tg\t638000000000000000\n");
        Assert.Equal(["a.html", "z.html"], read.Entries.Select(e => e.Path));
        Assert.Equal(new ManifestEntry("z.html", 1, "h"), read.Entries.Last());
    }

    [Theory]
    [InlineData("a.html\t1\n", "line 2 is not 'path, size, hash'")]
    [InlineData("a.html\t1\th\tt\textra\n", "line 2 is not 'path, size, hash'")]
    [InlineData("../a.html\t1\th\n", "line 2 names '../a.html'")]
    [InlineData(".archivist-manifest\t1\th\n", "line 2 names '.archivist-manifest'")]
    [InlineData(".archivist-staging/a.html\t1\th\n", "line 2 names '.archivist-staging/a.html'")]
    [InlineData("ok.html\t1\th\na.html\t-1\th\n", "line 3 has size '-1'")]
    [InlineData("a.html\t1\t\n", "line 2 has no hash")]
    public void ALineNoBuildCouldHaveWrittenIsRefusedWithItsNumber(string lines, string message)
    {
        var error = Assert.Throws<FormatException>(() => OutputManifest.Parse("# archivist manifest v2: path\tsize\tsha256\n" + lines));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}

public class Utf8LinesTests
{
    private static List<string> Lines(byte[] bytes)
    {
        var lines = new List<string>();
        Utf8Lines.ForEach(new MemoryStream(bytes), line => lines.Add(System.Text.Encoding.UTF8.GetString(line)));
        return lines;
    }

    /// <summary>The buffer is 32 KB: lines cross its edge, one is longer than it, the last has no newline, a mark starts the file.</summary>
    [Fact]
    public void EveryLineIsReadWholeWhereverTheBufferEnds()
    {
        var expected = Enumerable.Range(0, 3000).Select(i => $"é{i}\tline {new string('x', i % 50)}").ToList();
        expected.Insert(1500, new string('y', 100_000));
        expected.Insert(10, "");
        var text = string.Join('\n', expected);
        Assert.Equal(expected, Lines([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)]));
        Assert.Equal(expected, Lines(System.Text.Encoding.UTF8.GetBytes(text + "\n")));
        Assert.Empty(Lines([]));
    }

    [Theory]
    [InlineData("a\tb\tc", 3)]
    [InlineData("a", 1)]
    [InlineData("", 1)]
    [InlineData("a\t\t", 3)]
    [InlineData("a\tb\tc\td\te\tf", 6)]
    public void FieldsAreCountedPastWhatIsStored(string line, int count)
    {
        Span<Range> fields = stackalloc Range[4];
        var bytes = System.Text.Encoding.UTF8.GetBytes(line);
        Assert.Equal(count, Utf8Lines.Fields(bytes, fields));
        var parts = line.Split('\t');
        for (var i = 0; i < Math.Min(count, 4); i++) Assert.Equal(parts[i], System.Text.Encoding.UTF8.GetString(bytes.AsSpan()[fields[i]]));
    }
}
