using Archivist.Content;
using Archivist.Tests.Support;

namespace Archivist.Tests.Content;

/// <summary>
/// A title with an unterminated right-to-left override (U+202E) reversed whatever followed it in <c>&lt;title&gt;</c>
/// (the site's name) and in listings. Every bidi control a title opens is closed at its end.
/// </summary>
public sealed class BidiTitleTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("Plain", "Plain")]
    [InlineData("a\u202Eb", "a\u202Eb\u202C")]                         // override: closed with PDF
    [InlineData("a\u2067b\u202Bc", "a\u2067b\u202Bc\u202C\u2069")]       // nested: closed innermost first
    [InlineData("a\u202Eb\u202C", "a\u202Eb\u202C")]                   // already closed: unchanged
    [InlineData("a\u2066b\u202Ac\u2069d", "a\u2066b\u202Ac\u2069d")]   // PDI closes its isolate and what it holds
    public void EveryControlATitleOpensIsClosedAtItsEnd(string title, string expected)
    {
        var post = new Post { Title = title, Slug = "s", Url = "/s.html", Sources = new[] { "s.txt" } };
        Assert.Equal(expected, post.Title);
    }

    [Fact]
    public void AnOverrideInATitleEndsBeforeAnythingThatFollowsItInAnyOutput()
    {
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Hello \u202Eevil", "Body."));
        _site.Build();
        foreach (var file in new[] { "index.html", "2025/10/hello-evil.html", "feed.xml", "2025/10/index.html" })
        {
            var text = _site.Read(file);
            Assert.Contains("\u202E", text);
            for (var at = text.IndexOf('\u202E'); at >= 0; at = text.IndexOf('\u202E', at + 1))
            {
                var end = text.IndexOfAny(['<', '"', '\n'], at);
                Assert.True(text[at..(end < 0 ? text.Length : end)].Contains('\u202C'), $"{file}: an override is not closed before {text[at..Math.Min(text.Length, at + 40)]}");
            }
        }
    }
}
