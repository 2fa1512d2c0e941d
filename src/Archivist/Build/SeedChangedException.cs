namespace Archivist.Build;

/// <summary>
/// A seed's content changed while the build was reading it (saved in an editor as a rebuild ran, say): the
/// build stops before writing anything, and building again reads the new content. Not a damaged input.
/// </summary>
public sealed class SeedChangedException(string seed)
    : IOException($"{seed} changed while the site was being built; build again.")
{
    public string Seed { get; } = seed;
}
