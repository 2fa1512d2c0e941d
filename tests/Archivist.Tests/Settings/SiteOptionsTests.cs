using Archivist.Tests.Support;
using Archivist.Rendering;
using Archivist.Settings;

namespace Archivist.Tests.Settings;

public class SiteOptionsTests
{
    private static SiteOptions Parse(string yaml, SiteOptionOverrides? overrides = null) =>
        SiteOptionsLoader.Parse(yaml, "archivist.yml", PageKinds.Reserved, overrides);

    [Fact]
    public void MissingFileMeansDefaults()
    {
        var options = SiteOptionsLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-dir", "archivist.yml"), PageKinds.Reserved);
        Assert.Equal(new SiteOptions(), options);
        Assert.Equal("/", options.BasePath);
    }

    [Fact]
    public void ReadsEveryKey()
    {
        var options = Parse("""
            title: On Probation
            description: A blog
            author: Jim
            site_url: https://user.github.io/repo
            posts_per_page: 7
            permalink: /{yyyy}/{slug}.html
            language: en-US
            search_fragments: yes
            about: Hello *there*
            """);
        Assert.Equal("On Probation", options.Title);
        Assert.Equal("https://user.github.io/repo/", options.SiteUrl);
        Assert.Equal("/repo/", options.BasePath);
        Assert.Equal(7, options.PostsPerPage);
        Assert.Equal("/{yyyy}/{slug}.html", options.Permalink.Pattern);
        Assert.Equal("en-US", options.Language);
        Assert.Equal("Hello *there*", options.About);
        Assert.True(options.SearchFragments);
        Assert.False(Parse("title: x\n").SearchFragments); // off unless asked for
    }

    [Fact]
    public void UnknownKeyIsAnErrorNamingTheKeyAndLine()
    {
        var e = Assert.Throws<SiteOptionsException>(() => Parse("title: x\npost_per_page: 3\n"));
        Assert.Contains("archivist.yml:2", e.Message);
        Assert.Contains("'post_per_page'", e.Message);
        Assert.Contains("posts_per_page", e.Message); // the list of known keys helps spot the typo
    }

    [Theory]
    [InlineData("posts_per_page: 0", "posts_per_page")]
    [InlineData("posts_per_page: many", "posts_per_page")]
    [InlineData("permalink: /{yyyy}/post.html", "permalink")]
    [InlineData("permalink: /../{slug}.html", "permalink")]
    [InlineData("language: english please", "language")]
    [InlineData("title: ''", "title")]
    [InlineData("site_url: javascript:alert(1)", "site_url")]
    [InlineData("site_url: ftp://example.org/", "site_url")]
    [InlineData("base_path: /a/../b/", "base_path")]
    [InlineData("base_path: /\"><script>/", "base_path")]
    [InlineData("title: [a, b]", "title")]
    [InlineData("about: missing-file.md", "about")]
    [InlineData("search_fragments: sometimes", "search_fragments")]
    public void BadValueIsAnErrorNamingTheKey(string yaml, string key)
    {
        var e = Assert.Throws<SiteOptionsException>(() => Parse(yaml));
        Assert.Contains(key, e.Message);
    }

    [Theory]
    [InlineData("title: [unclosed\ndescription: x\n", 1)] // YamlDotNet throws InvalidOperationException here
    [InlineData("title: x\nauthor: {a: [b\n", 3)] // reached the end still inside the braces
    [InlineData("title: x\nabout: 'open\n", 2)]
    public void MalformedYamlIsASettingsErrorWithALineNeverACrash(string yaml, int line)
    {
        var e = Assert.Throws<SiteOptionsException>(() => Parse(yaml));
        Assert.Contains($"archivist.yml:{line}: not valid YAML", e.Message);
    }

    [Fact]
    public void DeeplyNestedYamlIsRefusedBeforeItCanOverflowTheStack()
    {
        var e = Assert.Throws<SiteOptionsException>(() => Parse("title: " + new string('[', 100_000)));
        Assert.Contains("nested more than", e.Message);
    }

    [Theory]
    [InlineData("repo", "/repo/")]
    [InlineData("/repo", "/repo/")]
    [InlineData("/repo/", "/repo/")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("a/b", "/a/b/")]
    public void BasePathIsNormalised(string given, string expected) =>
        Assert.Equal(expected, Parse($"base_path: '{given}'").BasePath);

    [Fact]
    public void FlagsOverrideTheFile()
    {
        var options = Parse("site_url: https://example.org/\nbase_path: /\n",
            new SiteOptionOverrides { SiteUrl = "https://user.github.io/repo/", BasePath = "/repo/" });
        Assert.Equal("https://user.github.io/repo/", options.SiteUrl);
        Assert.Equal("/repo/", options.BasePath);
    }

    [Fact]
    public void BasePathFlagAloneReanchorsTheSiteUrl()
    {
        var options = Parse("site_url: https://example.org/\n", new SiteOptionOverrides { BasePath = "/repo/" });
        Assert.Equal("https://example.org/repo/", options.SiteUrl);
    }

    [Fact]
    public void ContradictoryBasePathAndSiteUrlIsAnError()
    {
        var e = Assert.Throws<SiteOptionsException>(() => Parse("site_url: https://example.org/x/\nbase_path: /y/\n"));
        Assert.Contains("base_path", e.Message);
    }

    [Fact]
    public void AboutMayNameAMarkdownFileBesideTheSettings()
    {
        var dir = Directory.CreateTempSubdirectory("archivist-options-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "about.md"), "# About\n\nWho we are.\n");
            var path = Path.Combine(dir.FullName, "archivist.yml");
            File.WriteAllText(path, "about: about.md\n");
            Assert.Equal("# About\n\nWho we are.", SiteOptionsLoader.Load(path, PageKinds.Reserved).About);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Like a seed, the about file is a regular file in the settings file's folder: never read through a path or link that leaves it.</summary>
    [Theory]
    [InlineData("about: ../outside.md\n")]
    [InlineData("about: linked.md\n")]
    public void AboutMayNotNameAFileOutsideTheSettingsFolder(string setting)
    {
        if (OperatingSystem.IsWindows()) Skip.Because("symbolic links need special rights on Windows");
        var parent = Directory.CreateTempSubdirectory("archivist-options-");
        try
        {
            var dir = parent.CreateSubdirectory("project");
            var outside = Path.Combine(parent.FullName, "outside.md");
            File.WriteAllText(outside, "secret");
            File.CreateSymbolicLink(Path.Combine(dir.FullName, "linked.md"), outside);
            var path = Path.Combine(dir.FullName, "archivist.yml");
            File.WriteAllText(path, setting);
            var e = Assert.Throws<SiteOptionsException>(() => SiteOptionsLoader.Load(path, PageKinds.Reserved));
            Assert.Contains("about", e.Message);
            Assert.DoesNotContain("secret", e.Message);
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheRepositorySettingsFileIsValid()
    {
        var options = SiteOptionsLoader.Load(Support.RepoPaths.Combine("archivist.yml"), PageKinds.Reserved);
        Assert.Equal("On Probation", options.Title);
        Assert.NotEmpty(options.About);
    }

    [Theory]
    [InlineData("/archive/{slug}.html")]
    [InlineData("/search-index/{slug}.html")]
    [InlineData("/page/{yyyy}/{slug}.html")]
    [InlineData("/assets/{slug}.html")]
    [InlineData("/search/{slug}.html")]
    [InlineData("/about/{slug}.html")]
    [InlineData("/{yyyy}/index.{slug}.html")]
    public void APermalinkUnderTheSitesOwnPagesIsAnErrorNamingTheKeyAndLine(string pattern)
    {
        var e = Assert.Throws<SiteOptionsException>(() => Parse($"title: x\npermalink: {pattern}\n"));
        Assert.Contains("archivist.yml:2", e.Message);
        Assert.Contains("'permalink'", e.Message);
        Assert.Contains(pattern, e.Message);
    }

    [Theory]
    [InlineData("/{yyyy}/{mm}/{slug}.html")]
    [InlineData("/{slug}/index.html")]
    [InlineData("/posts/{slug}.html")]
    [InlineData("/undated-or-not/{slug}.html")]
    public void PermalinksOutsideThemAreFine(string pattern) =>
        Assert.Equal(pattern, Parse($"permalink: {pattern}\n").Permalink.Pattern);

    [Fact]
    public void EverySettingButAboutHasAFlagThatWins()
    {
        var options = Parse("""
            title: File title
            description: File description
            author: File author
            posts_per_page: 7
            permalink: /{yyyy}/{slug}.html
            language: en-US
            """, new SiteOptionOverrides
        {
            Title = "Flag title", Description = "", Author = "Flag author", PostsPerPage = "25",
            Permalink = "/posts/{yyyy}/{slug}.html", Language = "cy", SearchFragments = "true",
        });
        Assert.True(options.SearchFragments);
        Assert.Equal("Flag title", options.Title);
        Assert.Equal("", options.Description);
        Assert.Equal("Flag author", options.Author);
        Assert.Equal(25, options.PostsPerPage);
        Assert.Equal("/posts/{yyyy}/{slug}.html", options.Permalink.Pattern);
        Assert.Equal("cy", options.Language);
        Assert.All(SiteOptionsLoader.Keys.Where(k => k != "about"), key => Assert.Contains(SiteOptionsLoader.FlagOf(key), new Archivist.Cli.BuildSettings().All.Select(o => o.Name)));
    }

    [Theory]
    [InlineData("--title", "  ")]
    [InlineData("--posts-per-page", "0")]
    [InlineData("--posts-per-page", "ten")]
    [InlineData("--permalink", "/{yyyy}/post.html")]
    [InlineData("--permalink", "/archive/{slug}.html")]
    [InlineData("--language", "english please")]
    public void ABadFlagIsCheckedLikeTheFileAndNamed(string flag, string value)
    {
        var overrides = flag switch
        {
            "--title" => new SiteOptionOverrides { Title = value },
            "--posts-per-page" => new SiteOptionOverrides { PostsPerPage = value },
            "--permalink" => new SiteOptionOverrides { Permalink = value },
            _ => new SiteOptionOverrides { Language = value },
        };
        var e = Assert.Throws<SiteOptionsException>(() => Parse("title: fine\n", overrides));
        Assert.StartsWith(flag + " ", e.Message);
        Assert.DoesNotContain("archivist.yml", e.Message); // the flag is at fault, not the file
    }

    [Fact]
    public void AFlagReplacesABadValueInTheFile() =>
        Assert.Equal(5, Parse("posts_per_page: 0\n", new SiteOptionOverrides { PostsPerPage = "5" }).PostsPerPage);
}
