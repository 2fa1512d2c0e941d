namespace Archivist.Rendering.Views;

/// <summary>A page with fixed content: about, search, not found.</summary>
/// <param name="Html">HTML rendered from the settings' Markdown (about), or null when there is none.</param>
public sealed record SimplePageView(SiteView Site, string Heading, TrustedHtml? Html, string SearchIndexUrl);
