using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Archivist.Rendering;

/// <summary>
/// The templates folder as Scriban sees it: <c>include "NAME"</c> means <c>partials/NAME.sbn-html</c>, and no
/// name or path can reach a file outside the folder: absolute paths, <c>..</c>, backslashes and symbolic links
/// that lead out of it are refused.
/// </summary>
public sealed class TemplateFolder : ITemplateLoader
{
    public const string Extension = ".sbn-html";
    public const string PartialsFolder = "partials";

    private readonly string _realRoot;
    private readonly string _given;

    public TemplateFolder(string root)
    {
        _given = root;
        Root = Path.GetFullPath(root);
        _realRoot = RealPath(Root);
    }

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    /// <summary>The path inside the folder (<c>partials/header.sbn-html</c>) of the partial <paramref name="name"/>.</summary>
    public static string PartialPath(string name) => $"{PartialsFolder}/{name}{Extension}";

    /// <summary>The path to show in messages: the folder as it was given, then the file.</summary>
    public string Display(string relativePath) => Path.Combine(_given, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// The full path of <paramref name="relativePath"/> (<c>/</c>-separated, inside the folder); a
    /// <see cref="TemplateException"/> if it is not a plain relative path or leads out of the folder.
    /// </summary>
    public string Resolve(string relativePath)
    {
        if (relativePath.Length == 0 || relativePath.Contains('\\') || relativePath.Contains(':') || Path.IsPathRooted(relativePath)
            || relativePath.Split('/').Any(s => s is "" or "." or ".."))
            throw new TemplateException($"'{relativePath}' is not a template inside {Root}: use a name relative to the templates folder, without '..'");
        var full = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        if (!IsInside(RealPath(full), _realRoot))
            throw new TemplateException($"{full}: a link that leads out of the templates folder {Root}; templates are read only from inside it");
        return full;
    }

    /// <summary>The text of a template (line ends as <c>\n</c>).</summary>
    public string Read(string relativePath)
    {
        var file = Resolve(relativePath);
        if (!File.Exists(file)) throw new TemplateException($"{file}: missing; every site needs it");
        return File.ReadAllText(file).Replace("\r\n", "\n");
    }

    /// <summary>
    /// Every template file under <paramref name="folder"/> (relative paths, in name order), listed as every file of the
    /// templates is (<see cref="TemplateSet.FilesUnder"/>: regular files inside the folder only).
    /// </summary>
    public IEnumerable<string> TemplatesUnder(string folder)
    {
        var full = Path.Combine(Root, folder);
        if (!Directory.Exists(full)) return [];
        return TemplateSet.FilesUnder(full).Where(f => f.Name.EndsWith(Extension, StringComparison.Ordinal))
            .Select(f => $"{folder}/{f.Name.Replace('\\', '/')}");
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var path = PartialPath(templateName);
        try
        {
            Resolve(path);
        }
        catch (TemplateException e)
        {
            throw new ScriptRuntimeException(callerSpan, e.Message);
        }
        return path;
    }

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
    {
        try
        {
            return Read(templatePath);
        }
        catch (TemplateException e)
        {
            throw new ScriptRuntimeException(callerSpan, e.Message);
        }
    }

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(((ITemplateLoader)this).Load(context, callerSpan, templatePath));

    private static bool IsInside(string path, string root) =>
        path.Equals(root, StringComparison.Ordinal)
        || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link along it followed (as <c>realpath</c>, for files that may not exist yet).</summary>
    private static string RealPath(string path, int depth = 0)
    {
        if (depth > 32) throw new TemplateException($"{path}: too many levels of symbolic links");
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var segment in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is { } target)
                current = RealPath(Path.IsPathRooted(target) ? target : Path.Combine(Path.GetDirectoryName(current)!, target), depth + 1);
        }
        return current;
    }
}
