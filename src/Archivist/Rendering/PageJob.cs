namespace Archivist.Rendering;

/// <summary>
/// One file of the site: where it goes, a hash of everything it depends on, and how to make it. The
/// builder renders it only when that hash differs from the last build's.
/// </summary>
/// <remarks>The bytes <see cref="Render"/> returns may live in a per-thread buffer: use them before rendering another page.</remarks>
public sealed record PageJob(string Path, string InputHash, Func<ReadOnlyMemory<byte>> Render);
