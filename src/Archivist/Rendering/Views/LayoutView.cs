namespace Archivist.Rendering.Views;

/// <summary>What every page's template sees as <c>site</c>.</summary>
public sealed record SiteView(string Title, string Description, string Author, string Language, string BasePath)
{
    /// <summary>The language as Open Graph writes it: <c>en_GB</c>.</summary>
    public string OgLocale => Language.Replace('-', '_');
}

/// <summary>The head of one page: its title, canonical URL and social/structured metadata.</summary>
/// <param name="JsonLd">Serialised JSON-LD, already escaped for a script element.</param>
public sealed record PageHead(string Title, string Description, string? Canonical, string OgType, TrustedHtml? JsonLd = null,
    string? PublishedTime = null, string? PrevUrl = null, string? NextUrl = null, bool NoIndex = false);

/// <summary>The layout's model. The page template's output is printed by <c>{{ content }}</c> (trusted HTML).</summary>
public sealed record LayoutView(SiteView Site, PageHead Page, string PageKind);
