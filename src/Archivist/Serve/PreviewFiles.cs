using Archivist.Output;
using Microsoft.AspNetCore.StaticFiles;

namespace Archivist.Serve;

/// <summary>
/// Maps a request path to a file of the built site, as GitHub Pages does: only under the base path,
/// <c>/dir/</c> → <c>dir/index.html</c>, never outside the output folder, never the tool's bookkeeping, and never
/// through a link: a link in the output (which git checks out from a repository as readily as a page) could
/// lead anywhere, <c>/etc/passwd</c> included, so a path with a link anywhere on it is not found. Only regular
/// files are sent: a FIFO would hold the request open forever.
/// </summary>
public sealed class PreviewFiles(string root)
{
    private static readonly FileExtensionContentTypeProvider Types = CreateTypes();

    public string Root { get; } = Path.GetFullPath(root);

    public enum Kind { File, RedirectToFolder, NotFound }

    /// <param name="Path">The file to send, or where to redirect.</param>
    public sealed record Match(Kind Kind, string? Path = null, string? ContentType = null);

    public Match Resolve(string requestPath, string basePath)
    {
        if (!requestPath.StartsWith(basePath, StringComparison.Ordinal))
            return requestPath is "/" or "" || requestPath + "/" == basePath ? new Match(Kind.RedirectToFolder, basePath) : new Match(Kind.NotFound);
        var relative = Uri.UnescapeDataString(requestPath[basePath.Length..]);
        if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
        if (!OutputPath.IsSafe(relative) || OutputFolder.IsOwnBookkeeping(relative.Split('/')[0])) return new Match(Kind.NotFound);
        if (new PathCheck(Root).ProblemReaching(relative) is not null) return new Match(Kind.NotFound);
        var full = OutputPath.ToFull(Root, relative);
        if (IsPlainFile(full)) return new Match(Kind.File, full, ContentTypeOf(full));
        if (IsPlainFolder(full) && IsPlainFile(Path.Combine(full, "index.html"))) return new Match(Kind.RedirectToFolder, requestPath + "/");
        return new Match(Kind.NotFound);
    }

    public string? NotFoundPage => IsPlainFile(Path.Combine(Root, "404.html")) ? Path.Combine(Root, "404.html") : null;

    private static bool IsPlainFile(string full) => RegularFile.Is(full);

    private static bool IsPlainFolder(string full) => new DirectoryInfo(full) is { Exists: true, LinkTarget: null };

    public static string ContentTypeOf(string path) =>
        Types.TryGetContentType(path, out var type) ? type : "application/octet-stream";

    private static FileExtensionContentTypeProvider CreateTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".md"] = "text/markdown; charset=utf-8";
        provider.Mappings[".html"] = "text/html; charset=utf-8";
        provider.Mappings[".css"] = "text/css; charset=utf-8";
        provider.Mappings[".js"] = "text/javascript; charset=utf-8";
        provider.Mappings[".mjs"] = "text/javascript; charset=utf-8";
        provider.Mappings[".json"] = "application/json; charset=utf-8";
        provider.Mappings[".xml"] = "application/xml; charset=utf-8";
        provider.Mappings[".txt"] = "text/plain; charset=utf-8";
        return provider;
    }
}
