using System.Text.RegularExpressions;
using Archivist.Tests.Support;

namespace Archivist.Tests.Rendering;

/// <summary>The print stylesheet gives ink on white paper whatever scheme the screen is in, and lets long threads break.</summary>
public partial class PrintStylesheetTests
{
    [GeneratedRegex(@"@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{(?<body>[^}]*)\}")]
    private static partial Regex DarkRoot();

    [GeneratedRegex(@"--(?<name>[a-z-]+)\s*:")]
    private static partial Regex Variable();

    /// <summary>A stylesheet without its comments.</summary>
    private static string Asset(string name) =>
        Regex.Replace(File.ReadAllText(Path.Combine(RepoPaths.Templates, "assets", name)), @"/\*.*?\*/", "", RegexOptions.Singleline);

    [Fact]
    public void EveryColourTheDarkSchemeSetsIsResetForPaper()
    {
        var dark = DarkRoot().Match(Asset("site.css"));
        Assert.True(dark.Success, "site.css has a dark :root block");
        var darkVariables = Variable().Matches(dark.Groups["body"].Value).Select(m => m.Groups["name"].Value).ToList();
        Assert.NotEmpty(darkVariables);
        var print = Asset("print.css");
        var printRoot = Regex.Match(print, @"(?m)^:root\s*\{(?<body>[^}]*)\}");
        Assert.True(printRoot.Success, "print.css sets the variables on :root");
        var reset = Variable().Matches(printRoot.Groups["body"].Value).Select(m => m.Groups["name"].Value).ToHashSet();
        Assert.All(darkVariables, name => Assert.Contains(name, reset));
    }

    [Fact]
    public void SingleCommentsAreKeptWholeNotWholeThreads()
    {
        var rule = Regex.Match(Asset("print.css"), @"(?<selectors>[^{}]+)\{[^}]*break-inside:\s*avoid");
        Assert.True(rule.Success);
        var selectors = rule.Groups["selectors"].Value.Split(',').Select(s => s.Trim()).ToList();
        Assert.Contains(".comment-card", selectors);
        Assert.DoesNotContain(".comment", selectors); // li.comment holds its replies: a whole thread
    }
}
