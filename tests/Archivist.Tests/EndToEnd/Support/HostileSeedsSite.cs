using System.Text;
using Archivist.Build;
using Archivist.Tests.Support;

namespace Archivist.Tests.EndToEnd.Support;

/// <summary>
/// A site built, with the real templates, from seeds an attacker or a broken export could supply: script and
/// event-handler payloads in every field (titles, bodies, comments, front matter title and slug), template
/// syntax, entities, invalid UTF-8, a binary file, a 50 MB seed (written at build time, never committed),
/// same-titled posts in one month, and slugs that try to climb out of the output folder. Built once per test
/// class (an xUnit class fixture) and served like GitHub Pages.
/// </summary>
public sealed class HostileSeedsSite : IDisposable
{
    /// <summary>
    /// Every payload that would run script sets <c>window.pwned</c> to its own name (most also open a dialog), so
    /// whichever fires is named. This one is at most 200 characters: a longer first line is not taken as a title.
    /// </summary>
    public const string TitlePayload = "<script>window.pwned='title-script'</script><img src=x onerror=\"window.pwned='title-img'\"> {{title}} {{{site.title}}} &amp; \"' onmouseover=\"window.pwned='title-attr'\" </title><script>alert(2)</script>";

    public static readonly string[] BodyPayloads =
    [
        "<script>window.pwned='body-script';alert('body-script')</script>",
        "<img src=x onerror=\"window.pwned='body-img';alert('body-img')\">",
        "<svg onload=\"window.pwned='body-svg';alert('body-svg')\"><circle r=\"1\"/></svg> <svg/onload=alert('body-svg-slash')>",
        "<iframe src=\"javascript:top.pwned='body-iframe';alert('body-iframe')\"></iframe>",
        "<a href=\"javascript:window.pwned='body-a'\">a link</a> and javascript:alert('bare-text') as plain text",
        "[a Markdown link](javascript:window.pwned='body-md';alert('body-md')) and ![an image](javascript:alert('body-md-img'))",
        "[an entity link](&#106;avascript:alert('body-entity')) and [a spaced one](java\tscript:alert('body-tab'))",
        "<details open ontoggle=\"window.pwned='body-details';alert('body-details')\">details</details>",
        "{{constructor.constructor('window.pwned=\"body-handlebars\";alert(1)')()}} {{{post.bodyHtml}}} {{> header}} {{#each this}}each{{/each}}",
        "&lt;script&gt;window.pwned='entity-script'&lt;/script&gt; &#60;img src=x onerror=alert('entity-img')&#62; &amp;lt;b&amp;gt;",
        "</div></article></main><script>window.pwned='body-close';alert('body-close')</script>",
        "<!-- --><script>alert('after-comment')</script> <![CDATA[<script>alert('cdata')</script>]]>",
    ];

    public static readonly string[] CommentPayloads =
    [
        "<img src=x onerror=\"window.pwned='comment-img';alert('comment-img')\"> <script>alert('comment-script')</script>",
        "<svg/onload=\"window.pwned='comment-svg';alert('comment-svg')\"> {{comment.html}} {{{html}}}",
        "[comment link](javascript:window.pwned='comment-md') <a href=javascript:alert('comment-a')>x</a>",
    ];

    /// <summary>The last word of the 50 MB seed: finding it proves the whole file was read, rendered and indexed.</summary>
    public const string GiantTailWord = "gargantuanend";

    public const string TwinTitle = "Twin Title";

    /// <summary>Slugs asked for in front matter that would leave the output folder if used as paths.</summary>
    public static readonly string[] ClimbingSlugs = ["../../evil", "../../../../../../../../tmp/evil-absolute", "..\\..\\evil-backslash"];

    private readonly TestSite _site = new();
    private readonly Lazy<StaticSiteServer> _server;

    public HostileSeedsSite()
    {
        _site.Options = _site.Options with { Title = "Hostile <script>alert('site')</script> {{title}}", PostsPerPage = 3 };
        _site.AddSeed("hostile-dump.txt",
            SeedText.Post("Tuesday, 14 October 2025", TitlePayload, string.Join("\n\n", BodyPayloads), CommentPayloads)
            + "\n" + SeedText.Post("Monday, 13 October 2025", "javascript:alert('title-js') <svg onload=alert('title-svg')>", "Second hostile post: " + BodyPayloads[1]));
        // Raw strings without interpolation: the payloads themselves are full of braces.
        _site.AddSeed("hostile-front.md", """
            ---
            title: '<svg onload="window.pwned=''fm-title'';alert(''fm-title'')"> {{title}} {{{page.title}}} </title><script>alert(''fm-close'')</script>'
            date: 2025-10-12
            slug: 'SLUG'
            comments:
            - id: c1
              text: '<img src=x onerror="window.pwned=''fm-comment'';alert(''fm-comment'')"> [x](javascript:alert(''fm-comment-md''))'
              replies:
              - id: c1-1
                text: '<script>window.pwned=''fm-reply''</script> {{{html}}} [ref][evil]'
            ---

            A finished post whose front matter is hostile. BODY0 BODY5

            An autolink <javascript:alert('md-autolink')>, a reference [link][evil], and raw HTML <b onclick="alert('md-b')">bold</b>.

            [evil]: javascript:alert('md-reference')
            """.Replace("SLUG", ClimbingSlugs[0]).Replace("BODY0", BodyPayloads[0]).Replace("BODY5", BodyPayloads[5]));
        _site.AddSeed("hostile-front-dump.txt", """
            ---
            title: "<img src=x onerror=alert('fm-txt-title')> javascript:alert(1)"
            date: 2025-10-11
            slug: 'SLUG'
            ---
            A dump with front matter whose slug climbs to /tmp. BODY2
            """.Replace("SLUG", ClimbingSlugs[1]).Replace("BODY2", BodyPayloads[2]));
        _site.AddSeed("hostile-backslash.md", """
            ---
            title: Backslashes
            date: 2025-10-10
            slug: 'SLUG'
            url: /../../../evil-url.html
            ---
            A slug with Windows separators and a url that climbs.
            """.Replace("SLUG", ClimbingSlugs[2]));
        _site.AddSeed("twins.txt",
            SeedText.Post("Monday, 20 October 2025", TwinTitle, "The third twin, five days later.")
            + "\n" + SeedText.Post("Wednesday, 15 October 2025", TwinTitle, "The first twin of the day.")
            + "\n" + SeedText.Post("Wednesday, 15 October 2025", TwinTitle, "The second twin of the day, with other words."));
        WriteBrokenUtf8(Path.Combine(_site.Seeds, "broken-utf8.txt"));
        WriteBinary(Path.Combine(_site.Seeds, "binary.txt"));
        WriteGiant(Path.Combine(_site.Seeds, "giant.txt"));

        Before = Snapshot();
        Result = _site.Build();
        After = Snapshot();
        _server = new Lazy<StaticSiteServer>(() => new StaticSiteServer(_site.Output));
    }

    public TestSite Site => _site;

    public BuildResult Result { get; }

    /// <summary>Every file under the project folder and under the temp folder's top level, before and after the build.</summary>
    public IReadOnlySet<string> Before { get; }

    public IReadOnlySet<string> After { get; }

    public StaticSiteServer Server => _server.Value;

    public string Url(string sitePath = "") => Server.BaseUrl + sitePath.TrimStart('/');

    public IReadOnlyList<string> Pages() =>
        _site.Files().Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList();

    public static IEnumerable<string> SeedNames => ["hostile-dump.txt", "hostile-front.md", "hostile-front-dump.txt", "hostile-backslash.md", "twins.txt", "broken-utf8.txt", "binary.txt", "giant.txt"];

    private HashSet<string> Snapshot()
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_site.Root, "*", SearchOption.AllDirectories)) files.Add(file);
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path.GetTempPath()))
            if (Path.GetFileName(entry).Contains("evil", StringComparison.OrdinalIgnoreCase)) files.Add(entry);
        return files;
    }

    /// <summary>A dump with invalid UTF-8: stray continuation bytes, a cut sequence, and overlong encodings of '&lt;' and '&gt;'.</summary>
    private static void WriteBrokenUtf8(string path)
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("Thursday, 9 October 2025\n\nBroken Bytes \u00e9\n\nLatin-1 caf"));
        bytes.Add(0xE9); // é in Latin-1, invalid alone in UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes(" and a stray "));
        bytes.AddRange([0x80, 0xBF, 0xFF, 0xFE]);
        bytes.AddRange(Encoding.UTF8.GetBytes(" and a cut euro "));
        bytes.AddRange([0xE2, 0x82]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\nOverlong markup: "));
        bytes.AddRange([0xC0, 0xBC]); // an overlong '<', which a careless decoder turns into markup
        bytes.AddRange(Encoding.UTF8.GetBytes("script"));
        bytes.AddRange([0xC0, 0xBE]);
        bytes.AddRange(Encoding.UTF8.GetBytes("window.pwned='overlong';alert('overlong')"));
        bytes.AddRange([0xC0, 0xBC]);
        bytes.AddRange(Encoding.UTF8.GetBytes("/script"));
        bytes.AddRange([0xC0, 0xBE]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\n"));
        File.WriteAllBytes(path, bytes.ToArray());
    }

    /// <summary>Bytes that are no text at all, with a .txt name so the tool must look inside to know.</summary>
    private static void WriteBinary(string path)
    {
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        "\x89PNG\r\n\x1a\n"u8.CopyTo(bytes);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>One post of 50 MB: paragraphs of plain words, ending with <see cref="GiantTailWord"/>.</summary>
    private static void WriteGiant(string path)
    {
        const long size = 50L * 1024 * 1024;
        var random = new Random(11);
        var words = Enumerable.Range(0, 3000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(3, 10)).Select(_ => (char)('a' + random.Next(26))).ToArray()))
            .ToArray();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("Friday, 3 October 2025\n\nA Fifty Megabyte Post\n\n");
        var written = 0L;
        var paragraph = new StringBuilder();
        while (written < size)
        {
            paragraph.Clear();
            for (var i = 0; i < 120; i++) paragraph.Append(words[random.Next(words.Length)]).Append(i == 119 ? ".\n\n" : " ");
            writer.Write(paragraph);
            written += paragraph.Length;
        }
        writer.Write("The end: " + GiantTailWord + ".\n");
    }

    public void Dispose()
    {
        if (_server.IsValueCreated) _server.Value.Dispose();
        _site.Dispose();
    }
}
