using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Collections.Frozen;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using Archivist.Files;

namespace Archivist.Rendering;

public sealed class TemplateException(string message) : Exception(message);

/// <summary>
/// The site's Scriban templates, read from <c>templates/</c> and parsed once per build, all of them before any
/// page is rendered: <c>layout.sbn-html</c> wraps every page, <c>pages/NAME.sbn-html</c> is one kind of page,
/// <c>partials/NAME.sbn-html</c> is written where a template says <c>include "NAME"</c>. Every printed value
/// is HTML-escaped unless it is <see cref="TrustedHtml"/> (see <see cref="PageTemplateContext"/>).
/// Functions: <c>url "/archive/"</c> (a site path with the base path), <c>plural n "comment"</c>, <c>raw x</c>,
/// <c>include "NAME"</c>, <c>comment_thread comments</c>, and Scriban's own (<c>string.upcase</c>, …).
/// Parsed templates are shared read-only by every rendering thread; each thread has its own context and buffers.
/// </summary>
public sealed class TemplateSet
{
    public const string LayoutFile = "layout" + TemplateFolder.Extension;

    private readonly Template _layout;
    private readonly Dictionary<string, Template> _pages;
    private readonly Func<PageRenderer> _newRenderer;
    // Renderers are shared by the threads that render at the same moment, not one kept by every thread that ever
    // rendered: the thread pool lends the rendering loop a score of threads over a 10,000-post build, and each
    // thread's buffers grew to the largest page it met. Only a page's bytes stay with its thread (until it renders again).
    private readonly System.Collections.Concurrent.ConcurrentBag<PageRenderer> _idle = [];
    private readonly ThreadLocal<Utf8Buffer> _bytes = new(() => new Utf8Buffer());

    private TemplateSet(Template layout, Dictionary<string, Template> pages, Func<PageRenderer> newRenderer)
    {
        _layout = layout;
        _pages = pages;
        _newRenderer = newRenderer;
    }

    public static TemplateSet Load(string directory, SiteUrls urls)
    {
        var folder = new TemplateFolder(directory);
        if (!File.Exists(Path.Combine(folder.Root, LayoutFile)) && File.Exists(Path.Combine(folder.Root, "layout.hbs")))
            throw new TemplateException($"{folder.Display("layout.hbs")}: Handlebars templates from an earlier Archivist; templates are now " +
                $"Scriban ({LayoutFile}, pages/*{TemplateFolder.Extension}, partials/*{TemplateFolder.Extension}): start from the repository's templates/ " +
                "and see its README.md");
        var partials = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var file in folder.TemplatesUnder(TemplateFolder.PartialsFolder))
            // A partial's final newline is the editor's, not the page's.
            partials[NameOf(TemplateFolder.PartialsFolder, file)] = Parse(folder, file, trimFinalNewline: true);
        var layout = Parse(folder, LayoutFile);
        var pages = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var file in folder.TemplatesUnder("pages"))
            pages[NameOf("pages", file)] = Parse(folder, file);
        foreach (var required in PageKinds.Templates)
            if (!pages.ContainsKey(required))
                throw new TemplateException($"{folder.Display($"pages/{required}{TemplateFolder.Extension}")}: missing; every site needs it");
        foreach (var template in partials.Values.Append(layout).Concat(pages.Values))
            IncludedPartials.Check(template, partials);
        var shared = partials.ToFrozenDictionary(StringComparer.Ordinal);
        return new TemplateSet(layout, pages, () => new PageRenderer(new PageTemplateContext(folder, shared, urls)));
    }

    /// <summary>A hash of every file under the templates folder (assets included), for the build's inputs digest (<see cref="Build.BuildInputsDigest"/>).</summary>
    public static string HashFolder(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(directory))
        {
            foreach (var file in FilesUnder(directory).Select(f => f.Name))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
                hash.AppendData(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, file))));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Renders <paramref name="page"/> with <paramref name="model"/>, wraps it in the layout and returns the
    /// UTF-8 bytes. Pages are rendered into reused buffers (a post page with its comments is large, and fresh
    /// strings for each would churn the heap), and the bytes are in this thread's buffer, valid only until this
    /// thread renders its next page. A mistake found while rendering is a <see cref="TemplateException"/>
    /// naming the template's file, line and column.
    /// </summary>
    public ReadOnlyMemory<byte> RenderPage(string page, object model, object layoutModel)
    {
        if (!_pages.TryGetValue(page, out var template)) throw new TemplateException($"no page template named '{page}'");
        var renderer = _idle.TryTake(out var idle) ? idle : _newRenderer();
        renderer.Content.Builder.Clear();
        renderer.Page.Builder.Clear();
        renderer.Context.Render(template, model, renderer.Content);
        renderer.Context.Render(_layout, layoutModel, renderer.Page, renderer.ContentMarker);
        var bytes = _bytes.Value!.Encode(renderer.Page.Builder);
        _idle.Add(renderer); // (not after a failure: the build stops, and the context may be left mid-template)
        return bytes;
    }

    /// <summary>Renders a page to a string (tests, previews).</summary>
    public string RenderPageText(string page, object model, object layoutModel) =>
        Encoding.UTF8.GetString(RenderPage(page, model, layoutModel).Span);

    /// <summary><c>FILE:LINE:COLUMN: message</c>, counting from 1, as compilers and editors show it.</summary>
    internal static string Describe(SourceSpan span, string message) =>
        $"{span.FileName}:{(span.Start.Line + 1).ToString(CultureInfo.InvariantCulture)}:{(span.Start.Column + 1).ToString(CultureInfo.InvariantCulture)}: {message}";

    private static Template Parse(TemplateFolder folder, string relativePath, bool trimFinalNewline = false)
    {
        var text = folder.Read(relativePath);
        if (trimFinalNewline) text = text.TrimEnd('\n');
        var template = Template.Parse(text, folder.Display(relativePath));
        if (template.HasErrors)
            throw new TemplateException(string.Join("\n", template.Messages
                .Where(m => m.Type == ParserMessageType.Error)
                .Select(m => Describe(m.Span, m.Message))));
        return template;
    }

    /// <summary>
    /// The files under <paramref name="directory"/> in name order (hidden names aside), as seeds are read: regular files
    /// inside it only. Anything else there (a link leading out of the templates, which a merged change could point
    /// at a secret to publish as an asset; a FIFO) stops the build naming it.
    /// </summary>
    internal static IReadOnlyList<InputFile> FilesUnder(string directory)
    {
        var listing = InputFolder.Scan(directory, _ => true);
        if (listing.Skipped.FirstOrDefault() is { } skipped)
            throw new TemplateException($"{Path.Combine(directory, skipped.Name)}: {skipped.Reason}; templates are read only from regular files inside the templates folder");
        return listing.Files;
    }

    private static string NameOf(string folder, string relativePath) =>
        relativePath[(folder.Length + 1)..^TemplateFolder.Extension.Length];
}

/// <summary>
/// Checks, before any page is rendered, that every <c>include "NAME"</c> written with a literal name names a
/// partial that exists: a typo in a rarely rendered page (the 404 page, say) is then reported as early as a
/// syntax error, with its file, line and column.
/// </summary>
internal sealed class IncludedPartials : ScriptVisitor
{
    private readonly IReadOnlyDictionary<string, Template> _partials;

    private IncludedPartials(IReadOnlyDictionary<string, Template> partials) => _partials = partials;

    public static void Check(Template template, IReadOnlyDictionary<string, Template> partials) =>
        new IncludedPartials(partials).Visit(template.Page);

    public override void Visit(ScriptFunctionCall node)
    {
        if (node.Target is ScriptVariableGlobal { Name: "include" } && node.Arguments.Count > 0
            && node.Arguments[0] is ScriptLiteral { Value: string name } && !_partials.ContainsKey(name))
            throw new TemplateException(TemplateSet.Describe(node.Span, $"no partial named '{name}' ({TemplateFolder.PartialPath(name)})"));
        base.Visit(node);
    }
}

/// <summary>A Scriban context and reusable buffers, used by one rendering at a time: the page template's output, the whole page.</summary>
internal sealed class PageRenderer(PageTemplateContext context)
{
    public PageTemplateContext Context { get; } = context;
    public StringBuilderOutput Content { get; } = new(new StringBuilder(1 << 16));
    public StringBuilderOutput Page { get; } = new(new StringBuilder(1 << 16));
    public RenderedContent ContentMarker => _content ??= new RenderedContent(Content.Builder);

    private RenderedContent? _content;
}

/// <summary>A reusable byte buffer for the UTF-8 of large texts: a 10,000-post build writes about a gigabyte of them.</summary>
internal sealed class Utf8Buffer
{
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private byte[] _bytes = new byte[1 << 16];

    /// <summary>The UTF-8 of <paramref name="text"/>, valid until the next call.</summary>
    public ReadOnlyMemory<byte> Encode(StringBuilder text)
    {
        // Grown to what this text needs (and a quarter more), not to the three bytes a character could take: pages are
        // nearly all ASCII, and a buffer three times too large for the largest page was a large array for every thread.
        if (_bytes.Length < Encoding.UTF8.GetMaxByteCount(text.Length) && ByteCount(text) is var needed && _bytes.Length < needed)
            _bytes = new byte[needed + needed / 4];
        var used = 0;
        _encoder.Reset();
        foreach (var chunk in text.GetChunks())
            used += _encoder.GetBytes(chunk.Span, _bytes.AsSpan(used), flush: false);
        used += _encoder.GetBytes(ReadOnlySpan<char>.Empty, _bytes.AsSpan(used), flush: true);
        return _bytes.AsMemory(0, used);
    }

    /// <summary>
    /// At least the UTF-8 length of <paramref name="text"/>: chunk by chunk, so a surrogate pair split between two chunks
    /// counts as two replacement characters (six bytes, not four).
    /// </summary>
    private static int ByteCount(StringBuilder text)
    {
        var count = 0;
        foreach (var chunk in text.GetChunks()) count += Encoding.UTF8.GetByteCount(chunk.Span);
        return count;
    }
}
