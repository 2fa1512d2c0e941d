using Archivist.Content;
using Archivist.Search.Scoring;

namespace Archivist.Search.Related;

/// <summary>
/// One term of the post being related, with what is known of it as of that post: its (weighted) frequency in the post
/// and its postings in the posts before it, <c>Orders[Start..Start+Count)</c> with their frequencies, ascending. The
/// term's document frequency as of the post is <c>Count + 1</c> (the older posts that hold it, and the post itself).
/// </summary>
internal readonly record struct QueryTerm(int Frequency, int[] Orders, int[] Frequencies, int Start, int Count);

/// <summary>
/// Relates one post to the posts before it in <see cref="Indexing.DocumentOrder"/>, from the statistics of the
/// archive as it stood at that post (so a newer post never changes an older post's list): its
/// <see cref="TermsPerPost"/> most telling terms by tf·idf (sublinear tf, BM25's idf with the document count and
/// frequencies as of the post; a term no older post holds, or more than half the posts hold, is not counted: the
/// analysis keeps stop words, and "the" relates nothing), then every older post
/// that holds any of them, scored by BM25 over those terms weighted by their tf·idf in the post. The best
/// <see cref="Listed"/>, best first; equal scores go to the newer post. Other copies of the same post (same title, and
/// the same date or none) are left out.
/// </summary>
/// <remarks>
/// Every figure comes from integer counts through IEEE arithmetic and <see cref="DeterministicLog"/> (by table), and
/// terms and postings are added up in one fixed order (terms in index order, postings by post), so both ways of reading
/// the index (<see cref="ArchiveTerms"/>, <see cref="DocumentTerms"/>) give the same bits, on any machine.
/// </remarks>
internal sealed class RelatedScorer
{
    public const int Listed = 5;
    public const int TermsPerPost = 25;
    /// <summary>A title word counts as this many body words: the title says what the post is about.</summary>
    public const int TitleWeight = 2;
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly RelatedDocuments _documents;
    private readonly IReadOnlyList<Post> _posts;
    // Both filled as they are needed: a rebuild relating one post reads a few of 10,000 titles and logarithms.
    private readonly string?[] _titleKeys;
    private readonly double[] _ln; // ln k, k ≥ 1; NaN until worked out

    /// <summary>Settings that decide every list: part of each post's cache key.</summary>
    public static string Settings => FormattableString.Invariant($"{Listed}|{TermsPerPost}|{TitleWeight}|{K1}|{B}");

    public RelatedScorer(RelatedDocuments documents, IReadOnlyList<Post> posts)
    {
        _documents = documents;
        _posts = posts;
        _titleKeys = new string?[posts.Count];
        _ln = new double[2 * posts.Count + 3];
        Array.Fill(_ln, double.NaN);
    }

    /// <summary>What one thread needs to score, reused from post to post.</summary>
    public sealed class Scratch(int documents)
    {
        public readonly double[] Scores = new double[documents];
        public readonly List<int> Touched = [];
        public readonly (double Weight, int Index)[] Chosen = new (double, int)[TermsPerPost];
    }

    /// <param name="order">The post, by order.</param>
    /// <param name="terms">Its terms in index (ordinal) order; terms no older post holds may be left out.</param>
    /// <returns>The related posts' orders, best first (at most <see cref="Listed"/>).</returns>
    public int[] Relate(int order, List<QueryTerm> terms, Scratch scratch)
    {
        var posts = order + 1;
        var lnPosts = Ln(2 * posts + 2);
        // The most telling terms, kept best first as they come (ties: the earlier term).
        var chosen = scratch.Chosen;
        var count = 0;
        for (var t = 0; t < terms.Count; t++)
        {
            var term = terms[t];
            // No older post holds it (nothing to relate), or more than half the posts do (it says nothing of a subject).
            if (term.Count == 0 || 2 * (term.Count + 1) > posts) continue;
            // BM25's idf, ln(1 + (N − n + 0.5)/(n + 0.5)) = ln(2N + 2) − ln(2n + 1), from the table.
            var weight = (1 + Ln(term.Frequency)) * (lnPosts - Ln(2 * (term.Count + 1) + 1));
            if (count == chosen.Length && !(weight > chosen[count - 1].Weight)) continue;
            var at = count < chosen.Length ? count++ : count - 1;
            for (; at > 0 && weight > chosen[at - 1].Weight; at--) chosen[at] = chosen[at - 1];
            chosen[at] = (weight, t);
        }
        // Added up in term order, so that the sums are the same however the terms were read.
        Array.Sort(chosen, 0, count, ByIndex.Instance);

        var scores = scratch.Scores;
        var touched = scratch.Touched;
        var lengths = _documents.Lengths;
        var average = (double)_documents.LengthSums[posts] / posts;
        if (!(average > 0)) average = 1;
        // BM25's tf part, tf·(k1 + 1) / (tf + k1·(1 − b + b·length/average)).
        var fixedPart = K1 * (1 - B);
        var lengthPart = K1 * B / average;
        for (var c = 0; c < count; c++)
        {
            var (weight, index) = chosen[c];
            var term = terms[index];
            var (orders, frequencies) = (term.Orders, term.Frequencies);
            var factor = weight * (K1 + 1);
            for (var k = term.Start; k < term.Start + term.Count; k++)
            {
                var other = orders[k];
                double tf = frequencies[k];
                if (scores[other] == 0) touched.Add(other);
                scores[other] += factor * tf / (tf + fixedPart + lengthPart * lengths[other]);
            }
        }

        Span<int> best = stackalloc int[Listed];
        var found = 0;
        foreach (var other in touched)
        {
            var score = scores[other];
            var at = found;
            while (at > 0 && Better(score, other, scores[best[at - 1]], best[at - 1])) at--;
            if (at >= Listed || IsCopy(order, other)) continue;
            if (found < Listed) found++;
            for (var m = found - 1; m > at; m--) best[m] = best[m - 1];
            best[at] = other;
        }
        foreach (var other in touched) scores[other] = 0;
        touched.Clear();
        return best[..found].ToArray();
    }

    private sealed class ByIndex : IComparer<(double Weight, int Index)>
    {
        public static readonly ByIndex Instance = new();

        public int Compare((double Weight, int Index) x, (double Weight, int Index) y) => x.Index.CompareTo(y.Index);
    }

    private static bool Better(double score, int order, double otherScore, int other) =>
        score > otherScore || (score == otherScore && order > other);

    /// <summary>ln k from the table, worked out the first time (threads that race write the same bits).</summary>
    private double Ln(int k)
    {
        if (k >= _ln.Length) return DeterministicLog.Ln(k);
        var ln = _ln[k];
        return double.IsNaN(ln) ? _ln[k] = DeterministicLog.Ln(k) : ln;
    }

    private string TitleKey(int order) => _titleKeys[order] ??= DuplicateMerger.TitleKey(_posts[order].Title);

    /// <summary>The same post found twice and kept as two (their texts differ: an edited copy): same title, and the same date or none.</summary>
    private bool IsCopy(int order, int other) =>
        TitleKey(order) == TitleKey(other) && (_posts[order].Date == _posts[other].Date || _posts[order].Date is null || _posts[other].Date is null);
}
