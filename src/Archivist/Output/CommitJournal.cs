using System.Text;

namespace Archivist.Output;

/// <summary>
/// The commit record of a build: which staged files move into place, which old files go, and the SHA-256 of the new
/// manifest, staged beside the files (<see cref="StagedManifestName"/> in the staging folder) and on disk before this
/// record is. Once the record is on disk the build is committed; applying it again is harmless, so a commit
/// interrupted halfway is finished by the next run. It ends with an <c>end</c> line, so a journal cut short
/// (or otherwise damaged) is recognised and never half-applied. A journal of the format before (v2, written by
/// archivist before its manifest was staged) held the manifest itself: it is still read, and finished the same way.
/// </summary>
internal sealed record CommitJournal(IReadOnlyList<string> Moves, IReadOnlyList<string> Deletes, string ManifestHash)
{
    /// <summary>The new manifest's name in the staging folder (a name no site file can have: it is the tool's own).</summary>
    public const string StagedManifestName = OutputManifest.FileName;

    private const string Header = "# archivist commit journal v3";
    private const string HeaderV2 = "# archivist commit journal v2";
    private const string Trailer = "end\n";

    /// <summary>
    /// Written whole, with no manifest in it: the manifest (2 MB at 25,000 files) is staged once and renamed into place,
    /// not written a second time inside the journal.
    /// </summary>
    public string Serialize()
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        foreach (var m in Moves) sb.Append("move\t").Append(m).Append('\n');
        foreach (var d in Deletes) sb.Append("delete\t").Append(d).Append('\n');
        sb.Append("manifest\t").Append(ManifestHash).Append('\n').Append(Trailer);
        return sb.ToString();
    }

    /// <summary>
    /// A journal in the format before this one (v2): the same lines, then the whole manifest after a <c>manifest</c> line.
    /// Archivist writes it no more; tests make one to check that an interrupted commit of an older archivist is finished.
    /// </summary>
    public static string SerializeV2(IReadOnlyList<string> moves, IReadOnlyList<string> deletes, string manifest)
    {
        var sb = new StringBuilder();
        sb.Append(HeaderV2).Append('\n');
        foreach (var m in moves) sb.Append("move\t").Append(m).Append('\n');
        foreach (var d in deletes) sb.Append("delete\t").Append(d).Append('\n');
        sb.Append("manifest\n").Append(manifest).Append(Trailer);
        return sb.ToString();
    }

    /// <summary>
    /// Reads a journal, or throws <see cref="FormatException"/> saying what is wrong with it; nothing is trusted until all
    /// of it checks. <paramref name="inlineManifest"/>: the manifest a v2 journal holds (to be staged before it is applied), else null.
    /// </summary>
    public static CommitJournal Parse(string text, out string? inlineManifest)
    {
        var v2 = text.StartsWith(HeaderV2 + "\n", StringComparison.Ordinal);
        var header = v2 ? HeaderV2 : Header;
        if (!text.StartsWith(header + "\n", StringComparison.Ordinal)) throw new FormatException("it does not start with its header");
        if (!text.EndsWith("\n" + Trailer, StringComparison.Ordinal)) throw new FormatException("it is cut short (no end line)");
        var cut = text.IndexOf(v2 ? "\nmanifest\n" : "\nmanifest\t", StringComparison.Ordinal);
        if (cut < 0) throw new FormatException("it has no manifest");
        var moves = new List<string>();
        var deletes = new List<string>();
        var number = 1;
        foreach (var line in text[(header.Length + 1)..(cut + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            number++;
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0] is not ("move" or "delete"))
                throw new FormatException($"line {number} is not 'move' or 'delete' and a path");
            if (!OutputPath.IsSafe(parts[1]) || OutputFolder.IsOwnBookkeeping(parts[1].Split('/')[0]))
                throw new FormatException($"line {number} names '{parts[1]}', which is not a path inside the folder that a build writes");
            (parts[0] == "move" ? moves : deletes).Add(parts[1]);
        }
        var rest = text[(cut + "\nmanifest\n".Length)..^Trailer.Length];
        if (v2)
        {
            CheckManifest(rest, moves);
            inlineManifest = rest;
            return new CommitJournal(moves, deletes, HashOf(Encoding.UTF8.GetBytes(rest)));
        }
        if (rest.Length != 65 || rest[^1] != '\n' || rest.AsSpan(0, 64).ContainsAnyExcept("0123456789abcdef"))
            throw new FormatException("its manifest line holds no SHA-256");
        inlineManifest = null;
        return new CommitJournal(moves, deletes, rest[..64]);
    }

    /// <summary>
    /// The manifest this journal commits: the staged one, or once that has been moved into place, the folder's own.
    /// Either must have the journal's hash and list every file it moves; otherwise <see cref="FormatException"/>.
    /// </summary>
    public OutputManifest ReadManifest(string root)
    {
        var staged = Path.Combine(root, OutputFolder.StagingFolderName, StagedManifestName);
        var path = File.Exists(staged) ? staged : Path.Combine(root, OutputManifest.FileName);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new FormatException("the manifest it commits is gone");
        }
        if (HashOf(bytes) != ManifestHash)
            throw new FormatException(path == staged ? "the manifest it commits is not the one it names" : "the manifest it commits is gone");
        return CheckManifest(Encoding.UTF8.GetString(bytes), Moves);
    }

    private static OutputManifest CheckManifest(string text, IReadOnlyList<string> moves)
    {
        OutputManifest parsed;
        try
        {
            parsed = OutputManifest.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"its manifest is damaged ({e.Message})");
        }
        if (moves.FirstOrDefault(m => !parsed.Contains(m)) is { } unlisted)
            throw new FormatException($"it moves '{unlisted}' into place, which its own manifest does not list");
        return parsed;
    }

    internal static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>
    /// Why applying this journal over <paramref name="root"/> would replace or delete a file archivist did not generate,
    /// or null. A file to delete, or to replace with a staged one, that is there must be listed in
    /// <paramref name="onDisk"/>, the manifest in the folder (the last build's, or this commit's once written, by
    /// which time every move and delete is done): a journal edited to name someone's file touches nothing.
    /// </summary>
    public string? ForeignTarget(string root, OutputManifest onDisk)
    {
        var staging = Path.Combine(root, OutputFolder.StagingFolderName);
        foreach (var path in Deletes)
            if (!onDisk.Contains(path) && Path.Exists(OutputPath.ToFull(root, path)))
                return $"it would delete '{path}', which is not a file archivist generated (it is not in {OutputManifest.FileName})";
        foreach (var path in Moves)
            if (!onDisk.Contains(path) && File.Exists(OutputPath.ToFull(staging, path)) && Path.Exists(OutputPath.ToFull(root, path)))
                return $"it would replace '{path}', which is not a file archivist generated (it is not in {OutputManifest.FileName})";
        return null;
    }

    /// <summary>Moves staged files over their targets, deletes dropped files, then moves the staged manifest into place. Never through a link.</summary>
    public void Apply(string root)
    {
        var staging = Path.Combine(root, OutputFolder.StagingFolderName);
        var top = Path.TrimEndingDirectorySeparator(root);
        var check = new PathCheck(root);
        foreach (var path in Moves)
        {
            var from = OutputPath.ToFull(staging, path);
            if (!File.Exists(from)) continue; // moved before an interruption, or with its folder
            if (check.ProblemReaching(path) is not null) continue; // checked before the commit; a link since then is left alone
            var to = OutputPath.ToFull(root, path);
            if (HighestMissingFolder(top, Path.GetDirectoryName(to)!) is { } missing)
            {
                // Nothing of the site is in that folder yet, and everything staged beneath it is a move:
                // one rename moves it all (a first build moves thousands of files in a few renames).
                Directory.Move(Path.Combine(staging, Path.GetRelativePath(top, missing)), missing);
                continue;
            }
            File.Move(from, to, overwrite: true);
        }
        foreach (var path in Deletes)
        {
            if (check.ProblemReaching(path) is not null) continue;
            var full = OutputPath.ToFull(root, path);
            if (File.Exists(full)) File.Delete(full);
            RemoveEmptyParents(root, Path.GetDirectoryName(full)!);
        }
        // Gone already when an interrupted commit had moved it: the folder's manifest then has this journal's hash (ReadManifest).
        var manifest = Path.Combine(staging, StagedManifestName);
        if (File.Exists(manifest)) File.Move(manifest, Path.Combine(root, OutputManifest.FileName), overwrite: true);
        File.Delete(Path.Combine(root, OutputFolder.JournalFileName));
    }

    /// <summary>The outermost folder on the way from <paramref name="root"/> to <paramref name="directory"/> that does not exist yet, or null.</summary>
    private static string? HighestMissingFolder(string root, string directory)
    {
        if (Directory.Exists(directory)) return null;
        var missing = directory;
        while (Path.GetDirectoryName(missing) is { } parent && parent.Length > root.Length && !Directory.Exists(parent)) missing = parent;
        return missing;
    }

    private static void RemoveEmptyParents(string root, string directory)
    {
        var stop = Path.TrimEndingDirectorySeparator(root);
        while (directory.Length > stop.Length && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory)!;
        }
    }
}

/// <summary>Write-then-rename, so readers see the old file or the new one, never half of one.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> whole or not at all: a write that fails (a full disk) takes its temporary file with it.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var tmp = path + ".tmp";
        try
        {
            using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            throw;
        }
    }
}
