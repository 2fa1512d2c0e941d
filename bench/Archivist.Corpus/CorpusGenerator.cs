using System.Globalization;
using System.Text;

namespace Archivist.Corpus;

/// <summary>What to generate. The same options always give the same bytes.</summary>
public sealed record CorpusOptions
{
    public int Posts { get; init; } = 1000;
    public ulong Seed { get; init; } = 20251128;
    public int MaxPostsPerFile { get; init; } = 8;
    public DateOnly Newest { get; init; } = new(2025, 11, 28);

    /// <summary>Scales paragraph counts to land near ~30 KB of seed text per post, comments included.</summary>
    public double Size { get; init; } = 1.5;

    /// <summary>Median comments per post; counts are log-normal, so a few posts have hundreds.</summary>
    public int MedianComments { get; init; } = 12;
    public int MaxComments { get; init; } = 250;
}

/// <summary>A query whose right answer is known: the post (and comment) holding a word made for it.</summary>
public sealed record KnownAnswer(string Query, string Title, DateOnly Date, string? CommentId, string Kind);

public sealed record GeneratedFile(string Name, string Text);

/// <summary>
/// Generates seed files in the real seeds' format — date line, title, body with bullets, numbered lines,
/// section breaks and URLs, then "N comments:" with numbered comments, ReplyDelete/Replies/Delete lines
/// and nested replies — from a vocabulary learnt from the real seeds. Each post also carries a few
/// invented words placed in its title, body or one comment, giving known-answer search queries.
/// </summary>
public sealed class CorpusGenerator(Vocabulary vocabulary, CorpusOptions options)
{
    private static readonly string[] Syllables =
        ["bra", "cor", "dun", "fel", "gra", "hol", "jix", "kel", "lum", "mor", "nax", "pel", "quor", "rin", "sav", "tor", "ulb", "vex", "wim", "zar"];

    private readonly List<KnownAnswer> _answers = [];

    /// <summary>Known answers for the posts generated so far (complete once <see cref="Files"/> is enumerated).</summary>
    public IReadOnlyList<KnownAnswer> Answers => _answers;

    public IEnumerable<GeneratedFile> Files()
    {
        var random = new SplitMix64(options.Seed);
        var postIndex = 0;
        var fileIndex = 0;
        while (postIndex < options.Posts)
        {
            var inFile = Math.Min(options.Posts - postIndex, random.Next(1, options.MaxPostsPerFile + 1));
            var sb = new StringBuilder(inFile * 32_000);
            // Newest first within a file, as the real dumps are.
            for (var k = inFile - 1; k >= 0; k--)
            {
                if (k != inFile - 1) sb.Append('\n');
                WritePost(sb, new SplitMix64(options.Seed ^ (ulong)(postIndex + k + 1) * 0x9E3779B97F4A7C15UL), postIndex + k);
            }
            postIndex += inFile;
            var name = $"{fileIndex:D6}_{Hash(options.Seed, fileIndex):x16}.txt";
            fileIndex++;
            yield return new GeneratedFile(name, sb.ToString());
        }
    }

    /// <summary>Writes the corpus into <paramref name="directory"/>; returns total bytes.</summary>
    public long WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        long bytes = 0;
        foreach (var file in Files())
        {
            var data = Encoding.UTF8.GetBytes(file.Text);
            File.WriteAllBytes(Path.Combine(directory, file.Name), data);
            bytes += data.Length;
        }
        return bytes;
    }

    /// <summary>Post i is dated i days before the newest, so post order is date order.</summary>
    public DateOnly DateOf(int index) => options.Newest.AddDays(-(options.Posts - 1 - index));

    /// <summary>An invented word unique to (post, slot): syllables spelling the number, never an English word.</summary>
    public static string MadeUpWord(int postIndex, int slot)
    {
        var n = postIndex * 4 + slot + 8000;
        var sb = new StringBuilder();
        do
        {
            sb.Append(Syllables[n % Syllables.Length]);
            n /= Syllables.Length;
        } while (n > 0);
        return sb.Append("ox").ToString();
    }

    private void WritePost(StringBuilder sb, SplitMix64 random, int index)
    {
        var date = DateOf(index);
        var title = Title(random);
        var titleWord = MadeUpWord(index, 0);
        if (random.Chance(0.5)) title = title + " " + Capitalise(titleWord);

        sb.Append(date.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture)).Append("\n\n");
        sb.Append(title).Append("\n\n");

        var bodyWord = MadeUpWord(index, 1);
        var paragraphs = Math.Max(3, (int)(random.Next(5, 13) * options.Size));
        var bodyWordAt = random.Next(0, paragraphs);
        for (var p = 0; p < paragraphs; p++)
        {
            var kind = random.NextDouble();
            if (kind < 0.06 && p > 0) sb.Append("--oo00oo--\n\n");
            else if (kind < 0.12)
            {
                for (var b = random.Next(2, 6); b > 0; b--) sb.Append("  • ").Append(Sentence(random, 6, 16)).Append('\n');
                sb.Append('\n');
            }
            else if (kind < 0.15)
            {
                sb.Append(random.Next(1, 9)).Append(". ").Append(Sentence(random, 4, 10)).Append("\n\n");
            }
            sb.Append(Paragraph(random, p == bodyWordAt ? bodyWord : null)).Append("\n\n");
        }
        _answers.Add(new KnownAnswer(bodyWord, title, date, null, "body"));
        if (title.EndsWith(Capitalise(titleWord), StringComparison.Ordinal))
            _answers.Add(new KnownAnswer(titleWord, title, date, null, "title"));

        var comments = CommentCount(random);
        if (comments == 0)
        {
            if (random.Chance(0.5)) sb.Append("No comments:\n\n");
            return;
        }
        WriteComments(sb, random, comments, MadeUpWord(index, 2), out var commentId);
        _answers.Add(new KnownAnswer(MadeUpWord(index, 2), title, date, commentId, "comment"));
    }

    private int CommentCount(SplitMix64 random)
    {
        if (random.Chance(0.08)) return 0;
        var n = (int)Math.Round(options.MedianComments * Math.Exp(1.0 * random.NextGaussian()));
        return Math.Clamp(n, 1, options.MaxComments);
    }

    /// <summary>Layout A of the real seeds, with replies nested under some top-level comments.</summary>
    private void WriteComments(StringBuilder sb, SplitMix64 random, int total, string word, out string commentId)
    {
        // Split the total into top-level comments and their replies.
        var tree = new List<int>();
        var left = total;
        while (left > 0)
        {
            left--;
            var replies = random.Chance(0.25) ? Math.Min(left, random.Next(1, 7)) : 0;
            left -= replies;
            tree.Add(replies);
        }
        var target = random.Next(0, total);
        commentId = "c1";
        var seen = 0;
        sb.Append(total).Append(total == 1 ? " comment:\n\n" : " comments:\n\n");
        for (var t = 0; t < tree.Count; t++)
        {
            var id = $"c{t + 1}";
            if (seen++ == target) commentId = id;
            WriteCommentText(sb, random, $"  {t + 1}. ", "    ", seen - 1 == target ? word : null);
            sb.Append("    ReplyDelete\n");
            if (tree[t] == 0) continue;
            sb.Append("    Replies\n");
            for (var r = 0; r < tree[t]; r++)
            {
                if (seen++ == target) commentId = $"{id}-{r + 1}";
                WriteCommentText(sb, random, $"    {r + 1}. ", "      ", seen - 1 == target ? word : null);
                sb.Append("      Delete\n");
            }
        }
    }

    private void WriteCommentText(StringBuilder sb, SplitMix64 random, string first, string indent, string? word)
    {
        var paragraphs = Math.Max(1, (int)((1 + (random.Chance(0.5) ? random.Next(0, 4) : 0)) * options.Size));
        var wordAt = random.Next(0, paragraphs);
        for (var p = 0; p < paragraphs; p++)
        {
            sb.Append(p == 0 ? first : indent).Append(Paragraph(random, p == wordAt ? word : null, 20, 150)).Append("\n\n");
        }
    }

    private string Paragraph(SplitMix64 random, string? plant, int minWords = 50, int maxWords = 170)
    {
        var words = random.Next(minWords, maxWords);
        var sb = new StringBuilder(words * 7);
        var plantAt = plant is null ? -1 : random.Next(0, words);
        var written = 0;
        while (written < words)
        {
            var length = Math.Min(words - written, random.Next(8, 26));
            var sentence = Sentence(random, length, length + 1, plantAt >= written && plantAt < written + length ? plant : null);
            if (sb.Length > 0) sb.Append(random.Chance(0.05) ? "\u00A0 " : " ");
            sb.Append(sentence);
            written += length;
        }
        if (random.Chance(0.08)) sb.Append(' ').Append(Url(random));
        return sb.ToString();
    }

    private string Sentence(SplitMix64 random, int minWords, int maxWords, string? plant = null)
    {
        var n = random.Next(minWords, maxWords);
        var plantAt = plant is null ? -1 : random.Next(0, n);
        var sb = new StringBuilder(n * 7);
        for (var i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(random.Chance(0.06) ? ", " : " ");
            var w = i == plantAt ? plant! : vocabulary.Sample(random);
            sb.Append(i == 0 ? Capitalise(w) : w);
        }
        var end = random.NextDouble();
        if (end < 0.03) return "“" + sb + ".”";
        if (end < 0.05) return sb + " £" + random.Next(5, 900) + ".";
        return sb.Append(end < 0.09 ? '?' : end < 0.1 ? '!' : '.').ToString();
    }

    private string Title(SplitMix64 random)
    {
        var n = random.Next(2, 6);
        return string.Join(' ', Enumerable.Range(0, n).Select(_ => Capitalise(vocabulary.SampleContentWord(random))));
    }

    private string Url(SplitMix64 random)
    {
        var year = random.Next(2010, 2026);
        var month = new[] { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" }[random.Next(0, 12)];
        return $"https://www.example.org/news/{year}/{month}/{random.Next(1, 29):D2}/{vocabulary.SampleContentWord(random)}-{vocabulary.SampleContentWord(random)}";
    }

    private static string Capitalise(string w) => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..];

    private static ulong Hash(ulong seed, int index) => new SplitMix64(seed * 31 + (ulong)index).NextUInt64();
}
