using System.Runtime;
using Archivist.Build;

namespace Archivist.Tests.Build;

/// <remarks>The region belongs to the process, and every build enters one: these run alone, after the parallel tests.</remarks>
[CollectionDefinition(nameof(NoGcRegionTests), DisableParallelization = true)]
public sealed class NoGcRegionCollection;

[Collection(nameof(NoGcRegionTests))]
public sealed class NoGcRegionTests
{
    [Fact]
    public void A_small_stretch_runs_without_a_collection_and_the_region_ends_with_it()
    {
        using (var region = NoGcRegion.Enter(64L << 20))
        {
            Assert.True(region.Entered);
            var before = GC.CollectionCount(0); // (entering may collect once, to make room)
            var kept = new List<byte[]>();
            for (var i = 0; i < 200; i++) kept.Add(new byte[16 * 1024]); // 3 MB, far under the limit
            Assert.Equal(before, GC.CollectionCount(0));
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            GC.KeepAlive(kept);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Allocating_past_the_limit_collects_as_usual_and_ending_is_harmless()
    {
        using (var region = NoGcRegion.Enter(16L << 20))
        {
            Assert.True(region.Entered);
            var before = GC.CollectionCount(0);
            for (var i = 0; i < 4096; i++) GC.KeepAlive(new byte[32 * 1024]); // 128 MB of garbage
            Assert.True(GC.CollectionCount(0) > before);
            Assert.False(region.Entered);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_build_inside_an_open_region_runs_in_it_and_leaves_it_open()
    {
        using var outer = NoGcRegion.Enter(64L << 20);
        using (var inner = NoGcRegion.Enter(64L << 20))
            Assert.False(inner.Entered);
        Assert.True(outer.Entered);
    }
}
