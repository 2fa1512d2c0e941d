using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Archivist.Search.Format;
using Archivist.Search.Querying;
using Jint;
using Jint.Native;
using Jint.Runtime.Modules;

namespace Archivist.Bench;

/// <summary>
/// Issue 15's probe, kept in bench/ because `archivist search` stays on the C# engine (docs/BENCHMARKS.md, "One
/// search engine or two"). The site's own search client (templates/assets/search/search-core.js, the file the site ships) run from .NET
/// in Jint: the browser's ranking with no second implementation to keep equal. Index files are handed to the
/// script as Uint8Arrays built from the bytes read (one copy, no per-byte work); the scripts are parsed once per
/// <see cref="JsSearchScripts"/> and each query opens the index afresh, as a fresh page load would.
/// </summary>
public sealed class JsSearchEngine : IDisposable
{
    private readonly Engine _engine;
    private readonly JsValue _run;
    private readonly List<string> _files = [];
    private readonly System.Diagnostics.Stopwatch _host = new();

    /// <summary>An engine with the client's modules loaded; each <see cref="Search"/> opens the index afresh.</summary>
    public JsSearchEngine(JsSearchScripts scripts, IIndexSource source)
    {
        _engine = new Engine(options => options.EnableModules(scripts.Loader));
        // The browser's TextDecoder (UTF-8, the only encoding the index uses), decoded by .NET.
        _engine.SetValue("__utf8", new Func<JsValue, string>(bytes =>
        {
            _host.Start();
            var text = Encoding.UTF8.GetString(bytes.AsUint8Array());
            _host.Stop();
            return text;
        }));
        _engine.SetValue("__read", new Func<string, JsValue>(path =>
        {
            _host.Start();
            _files.Add(path);
            var array = _engine.Intrinsics.Uint8Array.Construct(source.Read(path));
            _host.Stop();
            return array;
        }));
        _engine.Execute(scripts.Shims);
        _run = _engine.Modules.Import(JsSearchScripts.HostModule).Get("run");
    }

    /// <summary>Runs one query over a freshly opened index; <see cref="JsSearchResults.FilesRead"/> lists the index files it read, in order.</summary>
    public JsSearchResults Search(SearchRequest request)
    {
        _files.Clear();
        _host.Reset();
        var json = _run.Call(JsValue.Undefined, [JsValue.FromObject(_engine, RequestJson(request))]).UnwrapIfPromise().AsString();
        var answer = JsonSerializer.Deserialize<Answer>(json)!;
        return new JsSearchResults(
            answer.Total,
            [.. answer.Hits.Select(h => new SearchHit(h.Doc, h.Score, h.Where, h.Meta) { Passages = h.Passages })],
            answer.Widened,
            answer.Terms,
            answer.Used,
            answer.Ignored,
            answer.Units,
            answer.Correction is { } c ? new QueryCorrection(c.Shown, c.Exact) : null,
            [.. _files])
        { HostMilliseconds = _host.Elapsed.TotalMilliseconds };
    }

    public void Dispose() => _engine.Dispose();

    private static string RequestJson(SearchRequest request) => JsonSerializer.Serialize(new
    {
        query = request.Query, limit = request.Limit, fromYear = request.FromYear, toYear = request.ToYear,
        order = request.Order == SearchOrder.Date ? "date" : "relevance",
    });

    private sealed record Answer(
        [property: JsonPropertyName("total")] int Total,
        [property: JsonPropertyName("hits")] List<AnswerHit> Hits,
        [property: JsonPropertyName("widened")] bool Widened,
        [property: JsonPropertyName("terms")] Dictionary<string, int> Terms,
        [property: JsonPropertyName("used")] int Used,
        [property: JsonPropertyName("ignored")] int Ignored,
        [property: JsonPropertyName("units")] int Units,
        [property: JsonPropertyName("correction")] AnswerCorrection? Correction);

    private sealed record AnswerHit(
        [property: JsonPropertyName("doc")] int Doc,
        [property: JsonPropertyName("score")] long Score,
        [property: JsonPropertyName("where")] string Where,
        [property: JsonPropertyName("passages")] List<string> Passages,
        [property: JsonPropertyName("meta")] DocumentMeta Meta);

    private sealed record AnswerCorrection([property: JsonPropertyName("shown")] string Shown, [property: JsonPropertyName("exact")] string Exact);
}

/// <summary>What <see cref="JsSearchEngine"/> found: as <see cref="SearchResults"/>, with the words used and the files read.</summary>
public sealed record JsSearchResults(
    int Total, IReadOnlyList<SearchHit> Hits, bool Widened, IReadOnlyDictionary<string, int> TermWeights,
    int UsedWords, int IgnoredWords, int FetchUnits, QueryCorrection? Correction, IReadOnlyList<string> FilesRead)
{
    /// <summary>Of the query's time, how much went on the byte path: reading files into Uint8Arrays and decoding UTF-8 in .NET.</summary>
    public double HostMilliseconds { get; init; }
}

/// <summary>
/// The client's modules, parsed once (Jint's prepared modules), from a folder holding search-core.js and what it
/// imports: the repository's templates/assets/search/.
/// </summary>
public sealed class JsSearchScripts
{
    /// <summary>The glue module: opens the index through the host's reader and returns the answer as JSON.</summary>
    public const string HostModule = "./archivist-host.js";

    private const string HostCode = """
        import { SearchIndex, search } from './search-core.js';
        export async function run(requestJson) {
          const request = JSON.parse(requestJson);
          const index = await SearchIndex.open((path) => Promise.resolve(__read(path)));
          const r = await search(index, request);
          return JSON.stringify({
            total: r.total, widened: r.widened, correction: r.correction, used: r.plan.usedWords, ignored: r.plan.ignoredWords,
            units: r.fetchUnits, terms: Object.fromEntries(r.terms),
            hits: r.hits.map((h) => ({ doc: h.doc, score: h.score, where: h.where, passages: h.passages, meta: h.meta })),
          });
        }
        """;

    internal string Shims => "globalThis.TextDecoder = class TextDecoder { decode(bytes) { return __utf8(bytes); } };";

    internal IModuleLoader Loader { get; }

    public JsSearchScripts(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!File.Exists(Path.Combine(full, "search-core.js")))
            throw new SearchIndexException($"the search client is missing: no search-core.js in {full}; reinstall archivist.");
        var prepared = Directory.EnumerateFiles(full, "*.js").ToDictionary(
            f => new Uri(f).AbsoluteUri,
            f => Engine.PrepareModule(File.ReadAllText(f), new Uri(f).AbsoluteUri));
        var host = new Uri(Path.Combine(full, "archivist-host.js")).AbsoluteUri;
        prepared[host] = Engine.PrepareModule(HostCode, host);
        Loader = new PreparedModuleLoader(new DefaultModuleLoader(full), prepared);
    }

    /// <summary>Resolves as Jint's file loader does, but builds each module from its parse made once.</summary>
    private sealed class PreparedModuleLoader(DefaultModuleLoader resolver, Dictionary<string, Prepared<Acornima.Ast.Module>> prepared) : IModuleLoader
    {
        public ResolvedSpecifier Resolve(string? referencingModuleLocation, ModuleRequest moduleRequest) =>
            resolver.Resolve(referencingModuleLocation, moduleRequest);

        public Module LoadModule(Engine engine, ResolvedSpecifier resolved) =>
            resolved.Uri is { } uri && prepared.TryGetValue(uri.AbsoluteUri, out var module)
                ? ModuleFactory.BuildSourceTextModule(engine, module)
                : resolver.LoadModule(engine, resolved);
    }
}
