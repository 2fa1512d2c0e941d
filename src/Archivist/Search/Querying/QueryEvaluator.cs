using Archivist.Search.Format;

namespace Archivist.Search.Querying;

/// <summary>
/// Finds and scores the documents of a plan, in integers so the browser computes the very same numbers:
/// a document must satisfy every required slot; a slot scores the best of its alternatives,
/// idf × impact × (4 exact, 3 expanded); the score is the sum over slots. Phrases must line up where
/// positions are known (see <see cref="PhraseMatcher"/>); excluded words and phrases remove documents.
/// A document where the unquoted words of a query of two or more words stand next to each other, in order,
/// earns half its score again: "workload management tool" prefers the post that says exactly that.
/// </summary>
public sealed class QueryEvaluator(IndexReader reader)
{
    public const int ExactWeight = 4;
    public const int ExpandedWeight = 3;

    /// <summary>Scores of the matching documents whose ids are in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public Dictionary<int, long> Evaluate(QueryPlan plan, int from, int to)
    {
        Dictionary<int, long>? scores = null;
        foreach (var slot in plan.Required.SelectMany(c => c.Slots))
        {
            var slotScores = SlotScores(slot, from, to);
            if (scores is null) scores = slotScores;
            else
            {
                var both = new Dictionary<int, long>(Math.Min(scores.Count, slotScores.Count));
                foreach (var (doc, score) in scores)
                    if (slotScores.TryGetValue(doc, out var more)) both[doc] = score + more;
                scores = both;
            }
            if (scores.Count == 0) break;
        }
        if (scores is null) return [];

        var phrase = new PhraseMatcher(reader);
        foreach (var clause in plan.Required.Where(c => c.IsPhrase))
            foreach (var doc in scores.Keys.ToList())
                if (!phrase.Matches(clause, doc)) scores.Remove(doc);

        foreach (var clause in plan.Excluded)
        {
            var holding = clause.Slots.Select(s => SlotScores(s, from, to)).ToList();
            foreach (var doc in scores.Keys.ToList())
                if (holding.All(h => h.ContainsKey(doc)) && (!clause.IsPhrase || phrase.Matches(clause, doc)))
                    scores.Remove(doc);
        }

        var adjacent = plan.Required.Where(c => !c.Quoted).SelectMany(c => c.Slots).Select((s, i) => (i, s)).ToList();
        if (adjacent.Count >= 2)
            foreach (var doc in scores.Keys.ToList())
                if (phrase.LinedUp(adjacent, doc, strict: true)) scores[doc] += scores[doc] / 2;
        return scores;
    }

    private Dictionary<int, long> SlotScores(Slot slot, int from, int to)
    {
        var scores = new Dictionary<int, long>();
        foreach (var alternative in slot.Alternatives)
        {
            if (reader.Lookup(alternative.Term) is not { } entry) continue;
            long weight = reader.IdfOf(entry) * (alternative.Exact ? ExactWeight : ExpandedWeight);
            for (var i = LowerBound(entry.Docs, from); i < entry.Docs.Length && entry.Docs[i] < to; i++)
            {
                var score = weight * entry.Impacts[i];
                var doc = entry.Docs[i];
                if (!scores.TryGetValue(doc, out var best) || score > best) scores[doc] = score;
            }
        }
        return scores;
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
