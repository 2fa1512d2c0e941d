using Archivist.Search;

namespace Archivist.Tests.Search;

/// <summary>The warm-up runs the incremental path for real (update in place, then relate), in memory.</summary>
public sealed class SearchWarmUpTests
{
    [Fact]
    public void TheWarmUpUpdatesAnIndexInPlaceAndRelatesItsPosts()
    {
        var related = SearchWarmUp.Run();
        Assert.Equal(4, related.ByUrl.Count);
        Assert.Equal(["/a.html"], related.ByUrl["/d.html"]); // the changed post, related to the older one on its subject
        Assert.Empty(related.ByUrl["/a.html"]);
        Assert.False(related.ReadWholeIndex); // a rebuild's way: the few posts' terms, as a one-seed rebuild reads them
    }
}
