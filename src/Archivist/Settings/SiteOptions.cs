using Archivist.Content;

namespace Archivist.Settings;

/// <summary>
/// The site's settings, built once from <c>archivist.yml</c> and the command-line flags, then passed
/// everywhere read-only. <see cref="BasePath"/> always starts and ends with '/'; <see cref="SiteUrl"/>
/// is absolute http(s) and ends with '/' (or is empty when unknown: canonical links are then omitted).
/// </summary>
public sealed record SiteOptions
{
    public string Title { get; init; } = "Archive";
    public string Description { get; init; } = "";
    public string Author { get; init; } = "";
    public string SiteUrl { get; init; } = "";
    public string BasePath { get; init; } = "/";
    public int PostsPerPage { get; init; } = 10;
    public PermalinkPattern Permalink { get; init; } = PermalinkPattern.Blogger;
    public string Language { get; init; } = "en-GB";

    /// <summary>Whether the search index also holds each post's fragment (<see cref="Search.SearchIndexOptions.Fragments"/>).</summary>
    public bool SearchFragments { get; init; }

    /// <summary>Markdown of the about page (read from the file when the setting names a .md file).</summary>
    public string About { get; init; } = "";

    /// <summary>
    /// A stable text of every setting, hashed into the build's inputs digest and page input hashes, so a
    /// changed setting rebuilds exactly what it should.
    /// </summary>
    public string Describe() => string.Join('\n',
        "title=" + Title, "description=" + Description, "author=" + Author, "site_url=" + SiteUrl,
        "base_path=" + BasePath, "posts_per_page=" + PostsPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "permalink=" + Permalink.Pattern, "language=" + Language, "about=" + About);
}
