namespace Archivist.Content;

/// <summary>
/// File names Windows refuses (and so a Windows checkout of a built site, and <c>build.ps1</c>): <c>CON</c>, <c>PRN</c>,
/// <c>AUX</c>, <c>NUL</c>, <c>COM0</c>–<c>COM9</c> and <c>LPT0</c>–<c>LPT9</c> (superscript ¹²³ too), in any case,
/// alone or before an extension (<c>con.html</c>, <c>nul.tar.gz</c>), and names ending in a dot or space.
/// </summary>
public static class WindowsNames
{
    private static readonly HashSet<string> Devices = new(StringComparer.OrdinalIgnoreCase) { "CON", "PRN", "AUX", "NUL" };

    /// <summary>True when Windows cannot use <paramref name="segment"/> (one file or folder name) as a name.</summary>
    public static bool IsReserved(string segment)
    {
        if (segment.Length > 0 && segment[^1] is '.' or ' ') return true;
        var dot = segment.IndexOf('.');
        var stem = (dot < 0 ? segment : segment[..dot]).TrimEnd(' ');
        if (Devices.Contains(stem)) return true;
        return stem.Length == 4
            && (stem.StartsWith("COM", StringComparison.OrdinalIgnoreCase) || stem.StartsWith("LPT", StringComparison.OrdinalIgnoreCase))
            && (char.IsAsciiDigit(stem[3]) || stem[3] is '¹' or '²' or '³');
    }

    /// <summary>True when some segment of the site path <paramref name="path"/> (<c>/2025/10/con.html</c>) is reserved.</summary>
    public static bool AnyReserved(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Any(IsReserved);
}
