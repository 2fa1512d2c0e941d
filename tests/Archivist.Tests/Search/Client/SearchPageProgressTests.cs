using System.Text.Json;
using Archivist.Search.Format;
using Archivist.Tests.Search.Support;
using Archivist.Tests.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.Search.Client;

/// <summary>
/// The search page draws its first results as soon as their metadata is read, before the rest of the page's
/// hits: each hit's metadata chunk is a fetch. The seeds' eleven posts share one chunk, so this runs over a
/// generated corpus, where a page of ten hits spans several.
/// </summary>
public sealed class SearchPageProgressTests() : SearchPageTest(() => SearchTestSite.Generated(GeneratedSite.Posts).Posts)
{
    [Fact]
    public async Task TheFirstFiveResultsAreShownWhileTheRestOfThePageIsStillBeingRead()
    {
        var entry = JsonSerializer.Deserialize<IndexEntryFile>(File.ReadAllText(Path.Combine(Site.IndexFolder, IndexFiles.Entry)), IndexFiles.Json)!;
        string ChunkOf(int doc) => IndexFiles.MetaChunk(entry.Meta.Substring(doc / entry.MetaChunkSize * IndexFiles.HashLength, IndexFiles.HashLength));
        // A query whose last five hits need a chunk the first five do not (ties go newest first, so the hits of the
        // commonest words sit in the same few chunks).
        var (query, hits, laterChunks) = new[] { "probation", "prison", "court", "report", "staff", "officer", "justice", "minister" }
            .Select(q =>
            {
                var found = Site.Search(q).Hits;
                var first = found.Take(5).Select(h => ChunkOf(h.Doc)).ToHashSet();
                return (Query: q, Hits: found, Later: found.Skip(5).Select(h => ChunkOf(h.Doc)).Where(c => !first.Contains(c)).ToHashSet());
            })
            .First(c => c.Hits.Count == 10 && c.Later.Count > 0);

        // Hold back the chunks only the last five hits need, until the first five are on the page.
        var release = new TaskCompletionSource();
        await Page.RouteAsync("**/search-index/m/*.json", async route =>
        {
            if (laterChunks.Any(c => route.Request.Url.EndsWith("/" + c, StringComparison.Ordinal))) await release.Task;
            await route.ContinueAsync();
        });
        await Page.GotoAsync(Server.BaseUrl + "search/?q=" + query);
        var results = Page.Locator(".search-result h2");
        await Assertions.Expect(results).ToHaveCountAsync(5);
        await Assertions.Expect(Page.Locator("#search-status")).ToHaveTextAsync($"{Site.Search(query).Total} posts match; showing 10.");
        Assert.Equal(hits.Take(5).Select(h => h.Meta.Title), await results.AllTextContentsAsync());

        release.SetResult();
        await Assertions.Expect(results).ToHaveCountAsync(10);
        Assert.Equal(hits.Select(h => h.Meta.Title), await results.AllTextContentsAsync());
    }
}
