namespace Archivist.Rendering;

/// <summary>Files of the site that are not pages.</summary>
public static class SiteFiles
{
    public const string AssetsFolder = "assets";

    /// <summary><c>.nojekyll</c>: GitHub Pages then serves the site as it is, without running Jekyll on it.</summary>
    public sealed class NoJekyll : PageKind
    {
        public override string Name => "nojekyll";
        public override IReadOnlyList<string> Reserved => ["/.nojekyll"];

        public override IEnumerable<PageJob> Plan(SiteInput site)
        {
            yield return new PageJob(".nojekyll", "empty", () => ReadOnlyMemory<byte>.Empty);
        }
    }

    /// <summary>Every file under templates/assets, byte for byte (the search client's scripts included).</summary>
    public sealed class Assets : PageKind
    {
        public override string Name => "assets";
        public override IReadOnlyList<string> Reserved => [$"/{AssetsFolder}/*"];

        public override IEnumerable<PageJob> Plan(SiteInput site)
        {
            var directory = Path.Combine(site.TemplatesDirectory, AssetsFolder);
            if (!Directory.Exists(directory)) yield break;
            foreach (var (file, relative) in TemplateSet.FilesUnder(directory))
            {
                var bytes = File.ReadAllBytes(file);
                yield return new PageJob($"{AssetsFolder}/{relative}", InputHasher.Of(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))), () => bytes.AsMemory());
            }
        }
    }
}
