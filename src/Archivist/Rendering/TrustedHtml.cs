namespace Archivist.Rendering;

/// <summary>
/// HTML the tool rendered itself (Markdown with raw HTML disabled and links checked, JSON-LD escaped for a
/// script element): templates print it as it is. Every other value a template prints is HTML-escaped.
/// </summary>
public sealed record TrustedHtml(string Html)
{
    public override string ToString() => Html;
}
