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
        Assert.Equal("", post.Text!.Body);
        Assert.Contains(set.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Line == 1);
    }

    [Fact]
    public void VeryLongLinesAreKept()
    {
        var longLine = string.Concat(Enumerable.Repeat("word ", 400_000)).TrimEnd();
        var post = Assert.Single(Import("long.txt", Encoding.UTF8.GetBytes($"Monday, 6 October 2025\n\nLong\n\n{longLine}\n")));
        Assert.Equal(longLine, post.Text!.Body);
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

    /// <summary>YAML-shaped garbage between <c>---</c> lines, in raw (.txt) and finished (.md) seeds alike.</summary>
    [Fact]
    public void GarbageFrontMatterIsAWarningAndThePostStillImports()
    {
        string[] atoms = ["[", "]", "{", "}", ",", ":", ": ", "- ", "? ", "&a ", "*a", "!!str ", "!x ", "'", "\"", "|", ">", "#", "%", "@", "`",
            "\n", "\n  ", "\n    ", "\t", "title", "date", "slug", "comments", "2021-02-30", "null", "~", "...", "\\", "é", "\u00a0"];
        var random = new Random(7);
        for (var i = 0; i < 400; i++)
        {
            var yaml = new StringBuilder();
            for (var n = random.Next(1, 40); n > 0; n--) yaml.Append(atoms[random.Next(atoms.Length)]);
            var name = i % 2 == 0 ? $"fm{i}.txt" : $"fm{i}.md";
            var text = $"---\n{yaml.ToString().Replace("\n---", "\n--")}\n---\nMonday, 1 March 2021\n\nA Title\n\nBody.\n";
            var set = ContentAssembler.Assemble([SeedFileLoader.FromBytes(name, Encoding.UTF8.GetBytes(text))], PermalinkPattern.Blogger);
            Assert.NotEmpty(set.Posts);
            Assert.All(set.Diagnostics, d => Assert.True(d.Line is null or > 0, d.ToString()));
        }
    }

    [Theory]
    [InlineData("title: [unclosed\ndate: 2021-02-30", 2)] // YamlDotNet throws InvalidOperationException, not YamlException
    [InlineData("title: 'open\ndate: 2021-03-01", 2)]
    [InlineData("title: x\ntitle: y", 3)]
    public void FrontMatterThatCannotBeReadIsIgnoredWithAWarningNamingFileAndLine(string yaml, int line)
    {
        foreach (var name in new[] { "s.txt", "s.md" })
        {
            var set = ContentAssembler.Assemble(
                [SeedFileLoader.FromBytes(name, Encoding.UTF8.GetBytes($"---\n{yaml}\n---\nMonday, 1 March 2021\n\nBad FM\n\nBody.\n"))],
                PermalinkPattern.Blogger);
            Assert.Single(set.Posts);
            var warning = Assert.Single(set.Diagnostics, d => d.Message.StartsWith("front matter is not valid YAML", StringComparison.Ordinal));
            Assert.Equal((DiagnosticSeverity.Warning, name, line), (warning.Severity, warning.File, warning.Line));
        }
    }

    [Fact]
    public void DeeplyNestedFrontMatterIsRefusedBeforeItCanOverflowTheStack() =>
        AssertRefused("title: " + new string('[', 50_000), "nested more than");

    [Fact]
    public void FrontMatterAliasesAreRefusedSoACommentCannotContainItself() =>
        AssertRefused("title: t\ncomments:\n- &c\n  id: c1\n  text: x\n  replies:\n  - *c", "alias");

    private static void AssertRefused(string yaml, string message)
    {
        foreach (var name in new[] { "s.txt", "s.md" })
        {
            var set = ContentAssembler.Assemble([SeedFileLoader.FromBytes(name, Encoding.UTF8.GetBytes($"---\n{yaml}\n---\nBody.\n"))], PermalinkPattern.Blogger);
            Assert.Single(set.Posts);
            Assert.Contains(set.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains(message));
        }
    }
}
