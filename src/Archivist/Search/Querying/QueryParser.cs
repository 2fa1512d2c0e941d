namespace Archivist.Search.Querying;

/// <summary>A query split into clauses; <see cref="PrefixOpen"/> when its last word is still being typed.</summary>
public sealed record ParsedQuery(IReadOnlyList<QueryClause> Clauses, bool PrefixOpen);

/// <summary>
/// Splits what the reader typed: words, "quoted phrases" (an unclosed quote runs to the end), and '-' before
/// either to exclude it. The last word counts as a prefix unless the query ends in a space or it is quoted
/// or excluded. search-core.js parses identically.
/// </summary>
public static class QueryParser
{
    public static ParsedQuery Parse(string query)
    {
        var clauses = new List<QueryClause>();
        var i = 0;
        while (i < query.Length)
        {
            if (IsSpace(query[i]))
            {
                i++;
                continue;
            }
            var negated = false;
            if (query[i] == '-' && i + 1 < query.Length && !IsSpace(query[i + 1]))
            {
                negated = true;
                i++;
            }
            if (query[i] == '"')
            {
                var end = query.IndexOf('"', i + 1);
                if (end < 0) end = query.Length;
                clauses.Add(new QueryClause(query[(i + 1)..end], negated, Quoted: true));
                i = end + 1;
            }
            else
            {
                var end = i;
                while (end < query.Length && !IsSpace(query[end]) && query[end] != '"') end++;
                clauses.Add(new QueryClause(query[i..end], negated, Quoted: false));
                i = end;
            }
        }
        var open = clauses.Count > 0 && !IsSpace(query[^1]) && clauses[^1] is { Quoted: false, Negated: false };
        return new ParsedQuery(clauses, open);
    }

    /// <summary>Spaces as both sides define them (char.IsWhiteSpace and JS \s disagree on rare characters).</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '\u00A0';
}
