using Archivist.Search.Format;

namespace Archivist.Search.Querying;

/// <summary>
/// Says where in a post its best match is: the passage (title, body or one comment) where the query's
/// words carry the most idf, each slot counted once per passage at its best alternative and each clause at
/// its best reading; ties go to the earlier passage. Title and body are <c>post</c>; a comment is its id, the anchor of a deep link.
/// <see cref="Rank"/> lists every passage holding any of the query's words that way: the thread's other hits.
/// </summary>
public sealed class PassageLocator(IndexReader reader)
{
    public const string Post = "post";

    /// <summary>Sub-results shown under a hit (its other passages); the rest are counted ("and 2 more in this thread").</summary>
    public const int MaxShownPassages = 3;

    public string Locate(QueryPlan plan, int doc, DocumentMeta meta) => Rank(plan, doc, meta)[0];

    /// <summary>
    /// The passages holding any of the query's words, best first (ties to the earlier), title and body as one
    /// <c>post</c> at the better of the two; the first is <see cref="Locate"/>'s. <c>post</c> alone when none scores.
    /// </summary>
    public IReadOnlyList<string> Rank(QueryPlan plan, int doc, DocumentMeta meta)
    {
        var scores = Scores(plan, doc, meta);
        var ids = meta.CommentIds.Split(' ');
        var ranked = new List<(long Score, int At, string Where)>();
        var post = Math.Max(scores[0], scores.Length > 1 ? scores[1] : 0);
        if (post > 0) ranked.Add((post, 0, Post));
        for (var i = 2; i < scores.Length; i++)
            if (scores[i] > 0) ranked.Add((scores[i], i, ids[i - 2]));
        if (ranked.Count == 0) return [Post];
        return [.. ranked.OrderByDescending(r => r.Score).ThenBy(r => r.At).Select(r => r.Where)];
    }

    private long[] Scores(QueryPlan plan, int doc, DocumentMeta meta)
    {
        var starts = new int[meta.PassageGaps.Length];
        for (var i = 0; i < starts.Length; i++) starts[i] = (i == 0 ? 0 : starts[i - 1]) + meta.PassageGaps[i];
        var scores = new long[starts.Length];
        foreach (var clause in plan.Required)
        {
            // A clause counts in each passage through its best reading there.
            var best = new long[starts.Length];
            foreach (var reading in clause.Readings)
            {
                var sum = new long[starts.Length];
                foreach (var slot in reading.Slots)
                {
                    var slotBest = SlotBest(slot, doc, starts);
                    for (var i = 0; i < sum.Length; i++) sum[i] += slotBest[i];
                }
                for (var i = 0; i < best.Length; i++) best[i] = Math.Max(best[i], sum[i]);
            }
            for (var i = 0; i < scores.Length; i++) scores[i] += best[i];
        }
        return scores;
    }

    /// <summary>Per passage, the highest idf of the slot's terms found there (each slot counted once per passage).</summary>
    private long[] SlotBest(Slot slot, int doc, int[] starts)
    {
        var best = new long[starts.Length];
        foreach (var alternative in slot.Alternatives)
        {
            if (reader.Lookup(alternative.Term) is not { } entry || entry.Positions.GetValueOrDefault(doc) is not { } positions) continue;
            var idf = reader.IdfOf(entry);
            foreach (var p in positions)
            {
                var passage = PassageOf(starts, p);
                best[passage] = Math.Max(best[passage], idf);
            }
        }
        return best;
    }

    private static int PassageOf(int[] starts, int position)
    {
        int lo = 0, hi = starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (starts[mid] <= position) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
