using System.Globalization;
using System.Text;
using Archivist.Text;

namespace Archivist.Content;

/// <summary>
/// Makes Blogger-style slugs: lower-case ASCII words joined by hyphens, apostrophes dropped
/// ("It's Niche Jim!" → <c>its-niche-jim</c>), accents folded, cut at a word boundary.
/// The output can never contain '/', '.' or '..', so it cannot leave its folder, and is never a name Windows
/// reserves: "Nul" or "COM1" get <see cref="ReservedSuffix"/> (<c>nul-post</c>), since <c>nul.html</c> cannot exist there.
/// </summary>
public static class Slugger
{
    public const int MaxLength = 60;
    public const string Fallback = "post";
    public const string ReservedSuffix = "-post";

    public static string Slugify(string text, int maxLength = MaxLength)
    {
        var sb = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in AsciiFolding.FoldAll(text))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '’' or '‘' or '`' or 'ʼ') continue;
            var lower = char.ToLowerInvariant(c);
            if (!char.IsAsciiLetterOrDigit(lower))
            {
                pendingHyphen = sb.Length > 0;
                continue;
            }
            if (pendingHyphen) sb.Append('-');
            pendingHyphen = false;
            sb.Append(lower);
        }
        var slug = sb.ToString();
        if (slug.Length > maxLength)
        {
            var cut = slug.LastIndexOf('-', maxLength);
            slug = cut >= maxLength / 2 ? slug[..cut] : slug[..maxLength].TrimEnd('-');
        }
        if (slug.Length == 0) return Fallback;
        return WindowsNames.IsReserved(slug) ? slug + ReservedSuffix : slug;
    }
}
