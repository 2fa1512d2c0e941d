using Archivist.Bench;

// dotnet run -c Release --project bench/Archivist.Bench -- <command> [options]
return args.FirstOrDefault() switch
{
    "generate" => GenerateCommand.Run(args[1..]),
    "import" => ImportBenchmark.Run(args[1..]),
    "build" => BuildBenchmark.Run(args[1..]),
    "index" => IndexCommand.Run(args[1..]),
    "analyze" => AnalyzeBenchmark.Run(args[1..]),
    "search" => SearchBenchmark.Run(args[1..]),
    "latency" => LatencyBenchmark.Run(args[1..]),
    "page" => PageBenchmark.Run(args[1..]),
    "format" => FormatCommand.Run(args[1..]),
    "engines" => EnginesBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/Archivist.Bench -- <command>
          generate --posts N [--out DIR] [--seed S] [--newest YYYY-MM-DD]
                                                        write a deterministic seed corpus (default bench/out/corpus-N)
          import [--posts 1000,10000]                   importer throughput and peak memory; prints a Markdown table
          build [--posts 1000,10000] [--no-eleventy] [--no-hugo] [--search-fragments]
                                                        full, no-op and one-seed-added builds, peak memory, ratios to Eleventy and Hugo
                                                        (run `npm ci` in bench/ first for Eleventy and Pagefind; Hugo is Debian's `hugo`)
          analyze [--posts 1000]                        search analysis throughput on one core (best of three)
          index --seeds DIR --out DIR [--cache DIR] [--no-documents] [--fragments] [--related]
                                                        seeds → search index (+ Markdown documents) in one process
          search [--posts 1000,10000] [--peers archivist,fragments,pagefind,lunr]
                                                        search index vs Pagefind and lunr (npm install in bench/ first);
                                                        prints Markdown tables for docs/BENCHMARKS.md
          latency [--posts 10000] [--rounds 3] [--rtt MS] [--fresh] [--baseline INDEX_DIR,ASSETS_DIR]
                                                        query latency alone on the indexes a `search` run left, engines alternating,
                                                        Archivist's stages shown
          page [--posts 1000] [--rounds 3] [--pause MS] [--rtt MS] [--no-pause] [--index DIR] [--assets DIR] [--baseline ASSETS_DIR]
                                                        issue 19: each engine in its own search page (Archivist's search-ui.js, PagefindUI),
                                                        time from a query typed to the expected title on screen, on a `search` run's indexes
          format --index DIR                            shard encodings compared: binary, gzipped binary, gzipped JSON
          engines --index DIR [--answers FILE | --queries FILE] [--rounds 5]
                                                        the C# query engine against search-core.js in Jint: time per query, identical answers
        """);
    return 2;
}
