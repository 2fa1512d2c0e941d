namespace Archivist.Rendering;

/// <summary>
/// Which link targets may reach a page: http, https and mailto URLs, the site's own paths (given the
/// base path) and in-page anchors. Anything else (<c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>,
/// protocol-relative or relative paths) is refused, and the caller shows the link's text instead.
/// </summary>
public sealed class LinkPolicy(SiteUrls urls)
{
    /// <summary>The href to emit for <paramref name="url"/>, or null when it must not be a link.</summary>
    public string? Allow(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        // Browsers drop ASCII tabs and newlines anywhere in a URL and trim spaces and controls around it,
        // so "java\tscript:" is javascript: to them; judge the URL as a browser would.
        var squeezed = Squeeze(url);
        if (squeezed.Length == 0) return null;
        if (squeezed[0] == '#') return squeezed.Length > 1 && squeezed.AsSpan(1).ToString().All(IsPlainFragmentChar) ? squeezed : null;
        if (squeezed[0] == '/')
            return squeezed.Length > 1 && squeezed[1] is '/' or '\\' ? null : urls.Local(squeezed);
        var colon = squeezed.IndexOf(':');
        if (colon <= 0) return null;
        var scheme = squeezed[..colon].ToLowerInvariant();
        return scheme switch
        {
            "http" or "https" => Uri.TryCreate(squeezed, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? squeezed : null,
            "mailto" => squeezed.Length > "mailto:".Length ? squeezed : null,
            _ => null,
        };
    }

    public static bool IsExternal(string href) => !href.StartsWith('/') && !href.StartsWith('#');

    private static string Squeeze(string url)
    {
        Span<char> buffer = url.Length <= 512 ? stackalloc char[url.Length] : new char[url.Length];
        var n = 0;
        foreach (var c in url)
            if (c is not ('\t' or '\n' or '\r')) buffer[n++] = c;
        return buffer[..n].ToString().Trim(TrimmedChars);
    }

    private static readonly char[] TrimmedChars = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];

    private static bool IsPlainFragmentChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
