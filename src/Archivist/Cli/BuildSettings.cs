using System.CommandLine;
using Archivist.Build;
using Archivist.Output;
using Archivist.Rendering;
using Archivist.Settings;

namespace Archivist.Cli;

/// <summary>The options <c>build</c> and <c>serve</c> share, and how they become a <see cref="BuildRequest"/>.</summary>
public sealed class BuildSettings
{
    public Option<DirectoryInfo> Seeds { get; } = new("--seeds")
    {
        CustomParser = UserPaths.TypedDirectory,
        Description = "Folder of seed files (.txt raw dumps, .md finished posts).",
        DefaultValueFactory = _ => new DirectoryInfo("seeds"),
    };

    public Option<DirectoryInfo> Output { get; } = new("--out")
    {
        CustomParser = UserPaths.TypedDirectory,
        Description = "Folder to write the site into. Created if missing; only files archivist generated there are ever replaced or deleted.",
        DefaultValueFactory = _ => new DirectoryInfo("site-output"),
    };

    public Option<DirectoryInfo> Templates { get; } = new("--templates")
    {
        CustomParser = UserPaths.TypedDirectory,
        Description = "Folder of Scriban templates and assets (default templates/ here, else the templates that come with archivist).",
        DefaultValueFactory = _ => new DirectoryInfo(DefaultTemplates(Environment.CurrentDirectory, AppContext.BaseDirectory)),
    };

    /// <summary>
    /// <c>templates/</c> in <paramref name="workingDirectory"/> when there is one (the repository, or a user's own restyled
    /// copy); otherwise the templates shipped beside the tool (<paramref name="toolDirectory"/>), so that a folder holding
    /// only <c>seeds/</c> builds with the installed tool alone.
    /// </summary>
    public static string DefaultTemplates(string workingDirectory, string toolDirectory)
    {
        var own = Path.Combine(workingDirectory, "templates");
        var shipped = Path.Combine(toolDirectory, "templates");
        return Directory.Exists(own) || !Directory.Exists(shipped) ? own : shipped;
    }

    public Option<FileInfo> Config { get; } = new("--config")
    {
        CustomParser = UserPaths.TypedFile,
        Description = "Site settings file (default archivist.yml; defaults apply when that is absent). A file given here must exist.",
        DefaultValueFactory = _ => new FileInfo(SiteOptionsLoader.FileName),
    };

    // Every site setting but `about` has a flag; each is checked exactly as the file's value is.
    public Option<string?> Title { get; } = new("--title") { Description = "Site title (overrides title)." };
    public Option<string?> SiteDescription { get; } = new("--description") { Description = "Site description for pages, feed and metadata (overrides description)." };
    public Option<string?> Author { get; } = new("--author") { Description = "Author named in the feed and metadata (overrides author)." };
    public Option<string?> BasePath { get; } = new("--base-path") { Description = "URL path the site is served under, e.g. /repo/ for a GitHub project page (overrides base_path)." };
    public Option<string?> SiteUrl { get; } = new("--site-url") { Description = "Full URL of the site, e.g. https://user.github.io/repo/ (overrides site_url)." };
    public Option<string?> PostsPerPage { get; } = new("--posts-per-page") { Description = "Posts per listing page, 1 to 1000 (overrides posts_per_page)." };
    public Option<string?> Permalink { get; } = new("--permalink") { Description = "Where posts go, e.g. /{yyyy}/{mm}/{slug}.html (overrides permalink)." };
    public Option<string?> Language { get; } = new("--language") { Description = "The pages' language tag, e.g. en-GB (overrides language)." };
    public Option<string?> SearchFragments { get; } = new("--search-fragments") { Description = "true: the search index also holds each post's text, so results show their snippets one fetch sooner; about half the site's text size more (overrides search_fragments)." };
    public Option<DirectoryInfo?> Cache { get; } = new("--cache") { Description = "Cache folder (default .archivist/cache beside the settings file). Must not overlap --out, --seeds, --templates or the settings file.", CustomParser = UserPaths.TypedDirectory };
    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Use no cache: parse every seed and render every page (unchanged files are still not rewritten)." };
    public Option<bool> Force { get; } = new("--force") { Description = "Render every page even when nothing changed." };
    public Option<bool> Strict { get; } = new("--strict") { Description = "Fail (exit 1, nothing written) when the seeds produce any warning." };
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Only print warnings, errors and the summary." };

    public IEnumerable<Option> All =>
        [Seeds, Output, Templates, Config, Title, SiteDescription, Author, SiteUrl, BasePath, PostsPerPage, Permalink, Language, SearchFragments, Cache, NoCache, Force, Strict, Quiet];

    /// <summary>Reads settings and checks the folders; throws <see cref="SiteOptionsException"/> with a message for the user.</summary>
    public BuildRequest ToRequest(ParseResult parse)
    {
        var seeds = parse.GetValue(Seeds)!;
        var output = parse.GetValue(Output)!;
        var templates = parse.GetValue(Templates)!;
        var config = parse.GetValue(Config)!;
        if (!seeds.Exists) throw new SiteOptionsException($"seeds folder '{seeds.FullName}' does not exist.");
        if (!templates.Exists) throw new SiteOptionsException($"templates folder '{templates.FullName}' does not exist.");
        // The default archivist.yml may be absent; a file asked for by name must not silently become defaults.
        if (parse.GetResult(Config) is { Implicit: false } && !config.Exists)
            throw new SiteOptionsException($"settings file '{config.FullName}' (--config) does not exist.");
        var options = SiteOptionsLoader.Load(config.FullName, PageKinds.Reserved, new SiteOptionOverrides
        {
            Title = parse.GetValue(Title),
            Description = parse.GetValue(SiteDescription),
            Author = parse.GetValue(Author),
            BasePath = parse.GetValue(BasePath),
            SiteUrl = parse.GetValue(SiteUrl),
            PostsPerPage = parse.GetValue(PostsPerPage),
            Permalink = parse.GetValue(Permalink),
            Language = parse.GetValue(Language),
            SearchFragments = parse.GetValue(SearchFragments),
        });
        var cache = parse.GetValue(NoCache)
            ? null
            : (parse.GetValue(Cache)?.FullName ?? Path.Combine(config.Directory?.FullName ?? ".", ".archivist", "cache"));
        var written = new List<UsedPath> { new("--out", output.FullName) };
        if (cache is not null) written.Add(new("--cache", cache));
        if (FolderOverlap.Problem(Inputs(seeds, templates, config), written) is { } problem) throw new SiteOptionsException(problem);
        return new BuildRequest
        {
            SeedsDirectory = seeds.FullName,
            OutputDirectory = output.FullName,
            TemplatesDirectory = templates.FullName,
            Options = options,
            SettingsFile = config.FullName,
            CacheDirectory = cache,
            Force = parse.GetValue(Force),
            Strict = parse.GetValue(Strict),
        };
    }

    /// <summary>What a build reads, which the folders it writes must stay clear of: the settings file only when there is one.</summary>
    internal static IEnumerable<UsedPath> Inputs(DirectoryInfo seeds, DirectoryInfo templates, FileInfo config) =>
        [new("--seeds", seeds.FullName), new("--templates", templates.FullName), .. config.Exists ? [new UsedPath("--config", config.FullName)] : Array.Empty<UsedPath>()];
}
