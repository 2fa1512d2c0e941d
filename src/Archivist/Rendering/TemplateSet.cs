using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HandlebarsDotNet;

namespace Archivist.Rendering;

public sealed class TemplateException(string message) : Exception(message);

/// <summary>
/// The site's Handlebars templates, read from <c>templates/</c> at run time and compiled once per run:
/// <c>layout.hbs</c> wraps every page, <c>pages/NAME.hbs</c> is one kind of page, <c>partials/NAME.hbs</c>
/// is usable as <c>{{> NAME}}</c>. Values are HTML-escaped unless a template uses triple braces.
/// Helpers: <c>{{url "/archive/"}}</c> (a site path with the base path), <c>{{plural n "comment" "comments"}}</c>,
/// <c>(eq a "b")</c> for <c>{{#if}}</c>.
/// Compiled templates are thread-safe.
/// </summary>
public sealed class TemplateSet
{
    public const string LayoutFile = "layout.hbs";
    public static readonly IReadOnlyList<string> RequiredPages = ["post", "list", "archive", "period", "search", "about", "not-found"];

    private readonly HandlebarsTemplate<TextWriter, object, object> _layout;
    private readonly Dictionary<string, HandlebarsTemplate<TextWriter, object, object>> _pages;
    private readonly ThreadLocal<PageBuffers> _buffers;

    private TemplateSet(HandlebarsTemplate<TextWriter, object, object> layout, Dictionary<string, HandlebarsTemplate<TextWriter, object, object>> pages,
        ThreadLocal<PageBuffers> buffers)
    {
        _layout = layout;
        _pages = pages;
        _buffers = buffers;
    }

    public static TemplateSet Load(string directory, SiteUrls urls)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { FormatProvider = CultureInfo.InvariantCulture });
        var buffers = new ThreadLocal<PageBuffers>(() => new PageBuffers());
        RegisterHelpers(handlebars, urls);
        // {{{content}}} in the layout copies the page template's output straight from this thread's buffer into
        // the page's: the layout writes to that StringWriter unbuffered, and EncodedTextWriter copies a
        // StringBuilder one char at a time (a tenth of a 10,000-post build's CPU).
        handlebars.RegisterHelper("content", (in EncodedTextWriter _, in HelperOptions _, in Context _, in Arguments _) =>
        {
            var page = buffers.Value!;
            page.Page.GetStringBuilder().Append(page.Content.GetStringBuilder());
        });
        var partials = Path.Combine(directory, "partials");
        if (Directory.Exists(partials))
            foreach (var file in TemplateFiles(partials))
            {
                var text = Read(file).TrimEnd('\n'); // a partial's final newline is the editor's, not the page's
                // Compiled here, not when a page first uses it: its errors then name partials/NAME.hbs.
                handlebars.RegisterTemplate(NameOf(partials, file), Compile(handlebars, file, text));
            }
        var layout = Compile(handlebars, Path.Combine(directory, LayoutFile));
        var pagesDir = Path.Combine(directory, "pages");
        var pages = new Dictionary<string, HandlebarsTemplate<TextWriter, object, object>>(StringComparer.Ordinal);
        if (Directory.Exists(pagesDir))
            foreach (var file in TemplateFiles(pagesDir))
                pages[NameOf(pagesDir, file)] = Compile(handlebars, file);
        foreach (var required in RequiredPages)
            if (!pages.ContainsKey(required))
                throw new TemplateException($"{Path.Combine(directory, "pages", required + ".hbs")}: missing; every site needs it");
        return new TemplateSet(layout, pages, buffers);
    }

    /// <summary>A hash of every file under the templates folder (assets included), for the build fingerprint.</summary>
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
    /// UTF-8 bytes. Pages are rendered into buffers reused by this thread (a post page with its comments is
    /// large, and fresh strings for each would churn the heap), so the bytes are valid only until this
    /// thread renders its next page.
    /// </summary>
    public ReadOnlyMemory<byte> RenderPage(string page, object model, object layoutModel)
    {
        if (!_pages.TryGetValue(page, out var template)) throw new TemplateException($"no page template named '{page}'");
        var buffers = _buffers.Value!;
        buffers.Content.GetStringBuilder().Clear();
        buffers.Page.GetStringBuilder().Clear();
        Run(template, buffers.Content, model, Path.Combine("pages", page + ".hbs"));
        Run(_layout, buffers.Page, layoutModel, LayoutFile);
        return buffers.Encode();
    }

    /// <summary>Renders a page to a string (tests, previews).</summary>
    public string RenderPageText(string page, object model, object layoutModel) =>
        Encoding.UTF8.GetString(RenderPage(page, model, layoutModel).Span);

    private static void RegisterHelpers(IHandlebars handlebars, SiteUrls urls)
    {
        handlebars.RegisterHelper("url", (in EncodedTextWriter writer, in HelperOptions _, in Context _, in Arguments args) =>
            writer.Write(urls.Local(args.Length > 0 ? args[0]?.ToString() ?? "/" : "/")));
        handlebars.RegisterHelper("eq", (HandlebarsReturnHelper)((Context _, Arguments args) =>
            args.Length == 2 && string.Equals(args[0]?.ToString(), args[1]?.ToString(), StringComparison.Ordinal)));
        handlebars.RegisterHelper("plural", (in EncodedTextWriter writer, in HelperOptions _, in Context _, in Arguments args) =>
        {
            var n = args.Length > 0 ? Convert.ToInt32(args[0], CultureInfo.InvariantCulture) : 0;
            var one = args.Length > 1 ? args[1]?.ToString() : "";
            var many = args.Length > 2 ? args[2]?.ToString() : one + "s";
            writer.Write($"{n.ToString("N0", CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}");
        });
    }

    /// <summary>
    /// Handlebars.Net throws more than <see cref="HandlebarsException"/> for a mistake in a template (<c>{{#if}}</c> with
    /// no value gives InvalidOperationException), and a helper given the wrong value throws its own: either way the
    /// template is at fault, so the error names it.
    /// </summary>
    private static void Run(HandlebarsTemplate<TextWriter, object, object> template, TextWriter writer, object model, string file)
    {
        try
        {
            template(writer, model, null!);
        }
        catch (Exception e) when (e is not (TemplateException or HandlebarsException or OutOfMemoryException))
        {
            throw new TemplateException($"{file}: cannot be rendered ({e.GetType().Name}: {e.Message})");
        }
    }

    private static HandlebarsTemplate<TextWriter, object, object> Compile(IHandlebars handlebars, string file, string? text = null)
    {
        try
        {
            return handlebars.Compile(new StringReader(text ?? Read(file)));
        }
        catch (HandlebarsException e)
        {
            throw new TemplateException($"{file}: {e.Message}");
        }
        catch (Exception e) when (e is not (TemplateException or OutOfMemoryException))
        {
            throw new TemplateException($"{file}: cannot be compiled ({e.GetType().Name}: {e.Message})");
        }
    }

    private static string Read(string file)
    {
        if (!File.Exists(file)) throw new TemplateException($"{file}: missing; every site needs it");
        return File.ReadAllText(file).Replace("\r\n", "\n");
    }

    private static IEnumerable<string> TemplateFiles(string directory) =>
        FilesUnder(directory).Where(f => f.Name.EndsWith(".hbs", StringComparison.Ordinal)).Select(f => f.Path);

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

    private static string NameOf(string directory, string file) =>
        Path.GetRelativePath(directory, file).Replace('\\', '/')[..^".hbs".Length];
}

/// <summary>One thread's reusable rendering buffers: the page template's output, the whole page, its bytes.</summary>
internal sealed class PageBuffers
{
    private readonly Utf8Buffer _bytes = new();

    public StringWriter Content { get; } = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
    public StringWriter Page { get; } = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public ReadOnlyMemory<byte> Encode() => _bytes.Encode(Page.GetStringBuilder());
}

/// <summary>A reusable byte buffer for the UTF-8 of large texts: a 10,000-post build writes about a gigabyte of them.</summary>
internal sealed class Utf8Buffer
{
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private byte[] _bytes = new byte[1 << 16];

    /// <summary>The UTF-8 of <paramref name="text"/>, valid until the next call.</summary>
    public ReadOnlyMemory<byte> Encode(StringBuilder text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_bytes.Length < max) _bytes = new byte[Math.Max(max, _bytes.Length * 2)];
        var used = 0;
        _encoder.Reset();
        foreach (var chunk in text.GetChunks())
            used += _encoder.GetBytes(chunk.Span, _bytes.AsSpan(used), flush: false);
        used += _encoder.GetBytes(ReadOnlySpan<char>.Empty, _bytes.AsSpan(used), flush: true);
        return _bytes.AsMemory(0, used);
    }
}
