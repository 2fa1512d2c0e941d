using System.Runtime;

namespace Archivist.Build;

/// <summary>
/// A stretch of a build during which the runtime does not collect garbage until a set amount has been allocated
/// (.NET's "no GC region"). A rebuild of a few seeds allocates a few hundred megabytes and keeps most of it to the end
/// (the manifest, the page memo, every post's metadata), so a collection during it only traces and copies live data:
/// at 10,000 posts one seed added set off seven full blocking collections (each by large-object allocations), 0.2 s of
/// pause in a rebuild of about a second. A build that allocates more (a full build) passes the limit, and the runtime
/// ends the region and collects as usual from there.
/// </summary>
/// <remarks>
/// The region belongs to the process, not the build: when one is already open (another build in the same process,
/// as in tests), this one runs inside it or without one, and ending it is harmless when the runtime already has.
/// </remarks>
public sealed class NoGcRegion : IDisposable
{
    /// <summary>Enough for a one-seed rebuild of a 10,000-post archive (about 300 MB allocated) with room to grow.</summary>
    public const long RebuildBytes = 512L << 20;

    private readonly bool _entered;

    private NoGcRegion(bool entered) => _entered = entered;

    /// <summary>Whether this region is the one the process is in.</summary>
    public bool Entered => _entered && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

    public static NoGcRegion Enter(long bytes)
    {
        // Asking again while one is open would end the open one (the runtime's rule), so a build inside runs in it.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return new NoGcRegion(false);
        try
        {
            return new NoGcRegion(GC.TryStartNoGCRegion(bytes));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException)
        {
            // Already in one (another build in this process), or more than this runtime allows: collect as usual.
            return new NoGcRegion(false);
        }
    }

    public void Dispose()
    {
        if (!Entered) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The runtime ended it already (the build allocated past the limit, or something collected).
        }
    }
}
