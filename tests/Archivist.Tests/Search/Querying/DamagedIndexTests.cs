using Archivist.Cli;
using Archivist.Search.Querying;
using Archivist.Tests.Support;

namespace Archivist.Tests.Search.Querying;

/// <summary>
/// A damaged file of the index is an error naming that file and saying a rebuild fixes it (exit 2), never an
/// "unexpected failure": each kind of file, truncated, overwritten or emptied, as a damaged index.json already was.
/// </summary>
public class DamagedIndexTests : IDisposable
{
    private readonly TestSite _site = new();

    public DamagedIndexTests()
    {
        _site.Options = _site.Options with { SearchFragments = true };
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Probation news", "Probation officers met in Guernsey.", "A probation comment."));
        _site.AddSeed("b.txt", SeedText.Post("Friday, 10 October 2025", "More probation", "The probation service again."));
        _site.Build(useCache: false);
    }

    public void Dispose() => _site.Dispose();

    private string Index => Path.Combine(_site.Output, "search-index");

    public static TheoryData<string, string> Damages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "t", "d", "m", "s", "f", "index.json" })
            foreach (var damage in new[] { "half", "garbage", "null", "empty" })
                data.Add(kind, damage);
        return data;
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void ADamagedFileIsNamedWithARebuildHint(string kind, string damage)
    {
        var files = kind.EndsWith(".json", StringComparison.Ordinal) ? [Path.Combine(Index, kind)]
            : Directory.GetFiles(Path.Combine(Index, kind), "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(file, damage switch
            {
                "half" => bytes[..(bytes.Length / 2)],
                "garbage" => [.. bytes.Select((b, i) => (byte)(b ^ (0x5A + i)))],
                "null" => "null"u8.ToArray(),
                _ => [],
            });
        }

        if (kind == "f")
        {
            // The CLI cuts snippets from the posts' Markdown; the browser reads fragments. The reader must still name the file.
            var reader = new IndexReader(new FolderIndexSource(Index));
            var error = Assert.Throws<SearchIndexException>(() => reader.Fragment(0));
            Assert.Contains("'f/", error.Message);
            Assert.Contains("rebuild the site", error.Message);
            return;
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SearchCommand.Run(new DirectoryInfo(_site.Output), "probation guernsey", new SearchRequest("") { Limit = 10 }, json: true,
            "search-index", new Reporter(stdout, stderr, interactive: false));

        var err = stderr.ToString();
        Assert.True(code == ExitCodes.Fatal, $"exit {code}; stdout: {stdout}; stderr: {err}");
        Assert.Contains(kind.EndsWith(".json", StringComparison.Ordinal) ? $"'{kind}'" : $"'{kind}/", err);
        Assert.Contains("damaged", err);
        Assert.Contains("rebuild the site", err);
    }

    [Theory]
    [InlineData("\"documents\":2", "\"documents\":1")]
    [InlineData("\"metaChunkSize\":\\d+", "\"metaChunkSize\":1")]
    public void AnIndexWhoseFilesDisagreeIsAnErrorWithARebuildHint(string from, string to)
    {
        var entry = Path.Combine(Index, "index.json");
        var text = File.ReadAllText(entry);
        Assert.Matches(from, text);
        File.WriteAllText(entry, System.Text.RegularExpressions.Regex.Replace(text, from, to));

        var stderr = new StringWriter();
        var code = SearchCommand.Run(new DirectoryInfo(_site.Output), "probation guernsey", new SearchRequest("") { Limit = 10 }, json: true,
            "search-index", new Reporter(new StringWriter(), stderr, interactive: false));

        Assert.True(code == ExitCodes.Fatal, $"exit {code}; stderr: {stderr}");
        Assert.Contains("rebuild the site", stderr.ToString());
    }
}
