using Archivist.Search.Format;

namespace Archivist.Search.Querying;

/// <summary>
/// Finds and scores the documents of a plan, in integers so the browser computes the very same numbers:
/// a document must satisfy every required clause through one of its readings; a slot scores the best of its
/// alternatives, idf × impact × (4 exact, 3 expanded); a reading scores the sum of its slots, a clause its best
/// reading, and the document the sum over clauses. A phrase must line up where positions are known (see
/// <see cref="PhraseMatcher"/>); excluded clauses remove documents. A document where the unquoted words of a
/// query of two or more words stand next to each other, in order, earns half its score again: "workload
/// management tool" prefers the post that says exactly that.
/// </summary>
public sealed class QueryEvaluator(IndexReader reader)
{
    public const int ExactWeight = 4;
    public const int ExpandedWeight = 3;

    /// <summary>Scores of the matching documents whose ids are in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public Dictionary<int, long> Evaluate(QueryPlan plan, int from, int to)
    {
        var phrase = new PhraseMatcher(reader);
        Dictionary<int, long>? scores = null;
        foreach (var clause in plan.Required)
        {
            var clauseScores = ClauseScores(clause, phrase, from, to);
            scores = scores is null ? clauseScores : BothSummed(scores, clauseScores);
            if (scores.Count == 0) break;
        }
        if (scores is null) return [];

        foreach (var clause in plan.Excluded)
        {
            var holding = ClauseScores(clause, phrase, from, to);
            foreach (var doc in scores.Keys.ToList())
                if (holding.ContainsKey(doc)) scores.Remove(doc);
        }

        var unquoted = plan.Required.Where(c => !c.Quoted).ToList();
        if (unquoted.Sum(c => c.Slots.Count) >= 2)
            foreach (var doc in scores.Keys.ToList())
                if (phrase.InSequence(unquoted, doc)) scores[doc] += scores[doc] / 2;
        return scores;
    }

    /// <summary>Each document matching any reading of the clause, with its best reading's score.</summary>
    private Dictionary<int, long> ClauseScores(PlannedClause clause, PhraseMatcher phrase, int from, int to)
    {
        var best = new Dictionary<int, long>();
        foreach (var reading in clause.Readings)
            foreach (var (doc, score) in ReadingScores(reading, phrase, from, to))
                if (!best.TryGetValue(doc, out var known) || score > known) best[doc] = score;
        return best;
    }

    private Dictionary<int, long> ReadingScores(Reading reading, PhraseMatcher phrase, int from, int to)
    {
        Dictionary<int, long>? scores = null;
        foreach (var slot in reading.Slots)
        {
            var slotScores = SlotScores(slot, from, to);
            scores = scores is null ? slotScores : BothSummed(scores, slotScores);
            if (scores.Count == 0) break;
        }
        scores ??= [];
        if (reading.IsPhrase)
            foreach (var doc in scores.Keys.ToList())
                if (!phrase.Matches(reading, doc)) scores.Remove(doc);
        return scores;
    }

    /// <summary>The documents in both, with their scores added.</summary>
    private static Dictionary<int, long> BothSummed(Dictionary<int, long> scores, Dictionary<int, long> more)
    {
        var both = new Dictionary<int, long>(Math.Min(scores.Count, more.Count));
        foreach (var (doc, score) in scores)
            if (more.TryGetValue(doc, out var extra)) both[doc] = score + extra;
        return both;
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
