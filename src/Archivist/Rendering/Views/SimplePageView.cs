namespace Archivist.Rendering.Views;

/// <summary>A page with fixed content: about, search, not found.</summary>
/// <param name="Html">Trusted HTML rendered from the settings' Markdown (about), or empty.</param>
public sealed record SimplePageView(SiteView Site, string Heading, string Html, string SearchIndexUrl);
