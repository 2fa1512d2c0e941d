using Archivist.Search.Format;

namespace Archivist.Search.Querying;

/// <summary>
/// Says where in a post its best match is: the passage (title, body or one comment) where the query's
/// words carry the most idf, each slot counted once per passage at its best alternative and each clause at
/// its best reading; ties go to the earlier passage. Title and body are <c>post</c>; a comment is its id, the anchor of a deep link.
/// </summary>
public sealed class PassageLocator(IndexReader reader)
{
    public const string Post = "post";

    public string Locate(QueryPlan plan, int doc, DocumentMeta meta)
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
        var winner = 0;
        for (var i = 1; i < scores.Length; i++)
            if (scores[i] > scores[winner]) winner = i;
        if (winner < 2 || scores[winner] == 0) return Post;
        return meta.CommentIds.Split(' ')[winner - 2];
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
