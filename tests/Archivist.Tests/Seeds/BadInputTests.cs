using System.Text;
using Archivist.Content;
using Archivist.Tests.Support;

namespace Archivist.Tests.Seeds;

/// <summary>Messy files are never a crash, and formatting noise changes nothing.</summary>
public class BadInputTests
{
    private static string RealSeed => File.ReadAllText(Path.Combine(RepoPaths.Seeds, "000_c87bd16a1df483c0.txt"));

    private static IReadOnlyList<Post> Import(string name, byte[] bytes) =>
        ContentAssembler.Assemble([SeedFileLoader.FromBytes(name, bytes)], PermalinkPattern.Blogger).Posts;

    [Fact]
    public void CrlfBomTabsAndTrailingSpacesGiveTheSamePosts()
    {
        var clean = Import("s.txt", Encoding.UTF8.GetBytes(RealSeed));
        var messy = "\uFEFF" + string.Join("\r\n", RealSeed.Split('\n').Select(l => l.Length > 0 ? l + " \t " : l));
        Assert.Equal(clean, Import("s.txt", Encoding.UTF8.GetBytes(messy)));
    }

    [Fact]
    public void AHeaderWithNoBodyIsAPostWithAWarning()
    {
        var set = ContentAssembler.Assemble([SeedFileLoader.FromBytes("h.txt", "Monday, 6 October 2025\n\nJust A Title\n"u8.ToArray())], PermalinkPattern.Blogger);
        var post = Assert.Single(set.Posts);
        Assert.Equal("Just A Title", post.Title);
        Assert.Equal("", post.Body);
        Assert.Contains(set.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Line == 1);
    }

    [Fact]
    public void VeryLongLinesAreKept()
    {
        var longLine = string.Concat(Enumerable.Repeat("word ", 400_000)).TrimEnd();
        var post = Assert.Single(Import("long.txt", Encoding.UTF8.GetBytes($"Monday, 6 October 2025\n\nLong\n\n{longLine}\n")));
        Assert.Equal(longLine, post.Body);
    }

    [Fact]
    public void AFiftyMegabyteSeedImports()
    {
        // Many copies of a real post with its comments: ~50 MB in one file.
        var one = RealSeed;
        var sb = new StringBuilder(52 * 1024 * 1024);
        var day = new DateOnly(1990, 1, 1);
        var copies = 0;
        while (sb.Length < 50 * 1024 * 1024)
        {
            sb.Append(day.AddDays(copies).ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture))
              .Append(one[one.IndexOf('\n')..]).Append("\n\n");
            copies++;
        }
        var posts = Import("big.txt", Encoding.UTF8.GetBytes(sb.ToString()));
        Assert.Equal(copies, posts.Count);
        Assert.All(posts, p => Assert.Equal(9, p.CommentCount));
    }

    [Fact]
    public void GarbageDoesNotCrash()
    {
        var random = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            // Bias towards text-like garbage so the parser, not just the binary check, is exercised.
            for (var j = 0; j < bytes.Length; j++) if (bytes[j] < 9) bytes[j] = (byte)"\n  1. ReplyDelete*-•"[bytes[j] % 20];
            var result = SeedFileLoader.FromBytes($"garbage{i}.txt", bytes);
            ContentAssembler.Assemble([result], PermalinkPattern.Blogger);
        }
    }
}
