using Archivist.Content;
using Archivist.Tests.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.Search.Support;

/// <summary>
/// A test class that drives the search page over an index of the posts it is given: one
/// <see cref="SearchPageSession"/> per test, opened before it and closed after.
/// </summary>
public abstract class SearchPageTest(Func<IReadOnlyList<Post>> posts, Archivist.Search.SearchIndexOptions? options = null) : IAsyncLifetime
{
    private SearchPageSession _session = null!;

    protected SearchTestSite Site => _session.Site;
    protected StaticSiteServer Server => _session.Server;
    protected IPage Page => _session.Page;

    public async ValueTask InitializeAsync() => _session = await SearchPageSession.OpenAsync(posts(), options);

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }
}
