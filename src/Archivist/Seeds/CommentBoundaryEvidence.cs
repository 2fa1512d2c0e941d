using System.Text.RegularExpressions;

namespace Archivist.Seeds;

/// <summary>Why a flattened comment starts where it does (layout B); see <see cref="FlattenedCommentParser"/>.</summary>
public enum BoundaryRule
{
    /// <summary>The glued <c>ReplyDelete</c>/<c>Delete</c> buttons start the comment (the default).</summary>
    Marker,
    /// <summary>A line ending in <c>:</c> or <c>:-</c>, or announcing what follows ("Headline from…"), goes with it.</summary>
    Introduces,
    /// <summary>A quotation opened before the buttons runs on to its close after them.</summary>
    OpenQuotation,
    /// <summary>A lone URL goes with the quotation or headline that follows it.</summary>
    UrlWithWhatFollows,
    /// <summary>A quotation, the buttons, then an answer to it: the commenter quoting, then answering.</summary>
    QuotationAnswered,
    /// <summary>A line addressing another comment (<c>Re Harehills 09:15</c>, <c>@07:30</c>, <c>You sound like…</c>) starts one.</summary>
    Addresses,
    /// <summary>A sign-off (<c>sox</c>, <c>'Getafix</c>, <c>Anon</c>) ends the comment it signs.</summary>
    Signature,
}

/// <summary>
/// Where a rule other than "the buttons start a comment" decided a boundary: <paramref name="Line"/> is the
/// 1-based line the buttons are glued to (or the unmarked line that starts a comment), <paramref name="Start"/>
/// the line the comment now starts at, or null when the buttons start nothing (the text runs on).
/// </summary>
public sealed record BoundaryDecision(int Line, int? Start, BoundaryRule Rule);

/// <summary>
/// What a line of flattened comment text says about comment boundaries. Each test reads one line (or a
/// quotation's lines) and nothing else, so each rule can be checked, and explained, on its own.
/// </summary>
public static partial class CommentBoundaryEvidence
{
    [GeneratedRegex(@"^(?:https?://|www\.)\S+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LoneUrl();

    // "Re Harehills 09:15", "re: 15.04", "@07:30", "@Nick", "to 1525", "To 15:25 -".
    [GeneratedRegex(@"^(?:@\S|re\b[ :].{0,40}?\b\d{1,2}[:.]\d{2}\b|re:\s|to \d{1,2}[:.]?\d{2}\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AddressingStart();

    /// <summary>Openings that answer another comment rather than continue one's own.</summary>
    private static readonly string[] AnsweringOpenings =
        ["You sound like", "You mean ", "You seem ", "Exactly.", "Exactly!", "Agreed.", "Agreed!", "Well said"];

    /// <summary>Short lead-ins that name what comes next without a colon.</summary>
    private static readonly string[] AnnouncingPhrases =
        ["headline from", "from twitter", "in other news", "want to share", "worth a read"];

    /// <summary>Sign-offs of people who leave no name.</summary>
    private static readonly HashSet<string> AnonymousSignOffs = new(StringComparer.OrdinalIgnoreCase) { "Anon", "Anon.", "Anonymous", "Anonymous." };

    private const string OpeningQuotes = "\"“‘";
    private const string ClosingQuotes = "\"”’";

    /// <summary>"…two areas:", "From Twitter:-", "Headline from today's Independent (paywall)."</summary>
    public static bool Introduces(string line)
    {
        var t = line.TrimEnd();
        if (t.EndsWith(':') || t.EndsWith(":-", StringComparison.Ordinal)) return true;
        if (WordCount(t) > 20) return false;
        foreach (var phrase in AnnouncingPhrases)
            if (t.Contains(phrase, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static bool IsLoneUrl(string line) => LoneUrl().IsMatch(line.Trim());

    /// <summary>A line that is a quotation as a whole: opens with a quote mark and closes with one (before final punctuation).</summary>
    public static bool IsQuotation(string line)
    {
        var t = line.Trim();
        if (t.Length < 3 || !OpeningQuotes.Contains(t[0])) return false;
        var end = t.TrimEnd('.', ',', '!', '?', ' ', '…');
        return end.Length > 1 && ClosingQuotes.Contains(end[^1]);
    }

    /// <summary>Shaped like a headline: short, capitalised, no closing punctuation ("Police officer stabbed at high security prison").</summary>
    public static bool IsHeadline(string line)
    {
        var t = line.Trim();
        if (t.Length == 0 || !char.IsUpper(t[0])) return false;
        var words = WordCount(t);
        return words is >= 3 and <= 16 && t[^1] is not ('.' or '!' or '?' or ':' or ',' or ';');
    }

    /// <summary>Whether a quotation is open at the end of <paramref name="line"/> (an odd number of straight quotes, or more “ than ”).</summary>
    public static bool LeavesQuotationOpen(string line) => QuoteBalance(line) > 0;

    /// <summary>Whether <paramref name="line"/> closes a quotation left open before it.</summary>
    public static bool ClosesQuotation(string line) => QuoteBalance(line) < 0;

    private static int QuoteBalance(string line)
    {
        var curly = 0;
        foreach (var c in line)
        {
            if (c == '“') curly++;
            else if (c == '”') curly--;
        }
        if (curly != 0) return curly;
        var straight = CountStraight(line);
        if (straight % 2 == 0) return 0;
        // One straight quote: it opens when it starts a word at the line's start, closes when it ends one.
        return line.TrimStart().StartsWith('"') ? 1 : -1;
    }

    private static int CountStraight(string line)
    {
        var n = 0;
        foreach (var c in line) if (c == '"') n++;
        return n;
    }

    /// <summary>"Re Harehills 09:15 …", "@07:30 …", "to 1525 …", "You sound like …", "Exactly. …".</summary>
    public static bool AddressesAnotherComment(string line)
    {
        var t = line.TrimStart();
        if (AddressingStart().IsMatch(t)) return true;
        foreach (var opening in AnsweringOpenings)
            if (t.StartsWith(opening, StringComparison.Ordinal)) return true;
        return false;
    }

    public static bool IsAnonymousSignOff(string line) => AnonymousSignOffs.Contains(line.Trim());

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
