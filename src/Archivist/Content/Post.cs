using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Archivist.Content;

/// <summary>
/// One blog post as the archive knows it: the contract between the importer, the Markdown documents,
/// the renderer and the search index. Body and comment texts are Markdown, held in <see cref="Text"/>.
/// </summary>
/// <remarks>
/// A post parsed from a seed or read from a document carries its <see cref="Text"/>. A post a build knows from its
/// seed cache carries only its metadata, <see cref="CommentCount"/> and <see cref="ContentDigest"/>: a rebuild after one new
/// seed renders a few dozen pages and need not hold the whole archive's text. The stages that read texts are handed
/// a <see cref="PostTexts"/> by the builder and ask it, never the post. Equality is by value: the texts when both
/// posts carry them, otherwise their digests.
/// </remarks>
public sealed record Post
{
    private string _title = "";
    private DateOnly? _date;
    private bool _dateEstimated;
    private bool _titleInferred;
    private PostText? _text;
    private int? _commentCount;
    private bool _commentsCaptured = true;
    private string? _digest;

    /// <summary>The title; any bidi control it opens is closed at its end (<see cref="BidiControls"/>), so it cannot reorder what follows it on a page.</summary>
    public required string Title { get => _title; init { _title = BidiControls.Close(value); _digest = null; } }

    /// <summary>Publication date, or null when neither the seed nor its text says.</summary>
    public DateOnly? Date { get => _date; init { _date = value; _digest = null; } }

    /// <summary>True when <see cref="Date"/> was estimated from evidence in the text, not stated.</summary>
    public bool DateEstimated { get => _dateEstimated; init { _dateEstimated = value; _digest = null; } }

    /// <summary>True when <see cref="Title"/> was inferred from the text, not stated.</summary>
    public bool TitleInferred { get => _titleInferred; init { _titleInferred = value; _digest = null; } }

    public required string Slug { get; init; }

    /// <summary>Blogger-compatible path: <c>/yyyy/mm/slug.html</c>, or <c>/undated/slug.html</c>.</summary>
    public required string Url { get; init; }

    /// <summary>Seed file names this post was found in (several when duplicates were merged).</summary>
    public required ValueList<string> Sources { get; init; }

    /// <summary>
    /// The body and comments, when this post carries them; null for a post a build knows from its seed cache,
    /// whose text is read through the <see cref="PostTexts"/> the builder hands to the stages that need it.
    /// </summary>
    public PostText? Text
    {
        get => _text;
        init
        {
            _text = value;
            _commentCount = null;
            _digest = null;
        }
    }

    /// <summary>All comments, replies included (0 when <see cref="CommentsCaptured"/> is false: see there). Given for a post without <see cref="Text"/>.</summary>
    public int CommentCount { get => _commentCount ??= Text?.CommentCount ?? 0; init => _commentCount = value; }

    /// <summary>
    /// False when the source had no comment section at all, so how many comments the post had is unknown
    /// (<c>comment_count: null</c>): pages then say nothing about comments rather than "0 comments".
    /// </summary>
    public bool CommentsCaptured { get => _commentsCaptured; init { _commentsCaptured = value; _digest = null; } }

    /// <summary>The number of comments when known, null when they were not captured.</summary>
    public int? KnownCommentCount => CommentsCaptured ? CommentCount : null;

    /// <summary>
    /// A hash of the post's content: title, date and its flags, body, and every comment (id, text, nesting) —
    /// not its slug, URL or sources. Pages and the search index compare it to know a post did not change
    /// without reading its text again. Given for a post without <see cref="Text"/>.
    /// </summary>
    public string ContentDigest
    {
        // Computed at most once per thread that races to it; every computation gives the same string.
        get => _digest ??= ContentDigestOf(Title, Date, DateEstimated, TitleInferred,
            Text ?? throw new InvalidOperationException($"post {Url} carries neither its text nor its digest"), CommentsCaptured);
        init => _digest = value;
    }

    public bool Equals(Post? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Title == other.Title && Date == other.Date && DateEstimated == other.DateEstimated && TitleInferred == other.TitleInferred
             && CommentsCaptured == other.CommentsCaptured
             && Slug == other.Slug && Url == other.Url && Sources.Equals(other.Sources)
             && (Text is { } text && other.Text is { } otherText ? text.Equals(otherText) : ContentDigest == other.ContentDigest)));

    public override int GetHashCode() => HashCode.Combine(Title, Date, Url);

    /// <summary>The <see cref="ContentDigest"/> of a post with this content.</summary>
    public static string ContentDigestOf(string title, DateOnly? date, bool dateEstimated, bool titleInferred, PostText text,
        bool commentsCaptured = true)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            Span<byte> length = stackalloc byte[sizeof(int)];
            BitConverter.TryWriteBytes(length, text.Length); // length-prefixed: no two sequences of texts hash alike
            hash.AppendData(length);
            hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
        }
        void AddComments(ValueList<Comment> comments)
        {
            Add(comments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var c in comments)
            {
                Add(c.Id);
                Add(c.Text);
                if (c.Author is not null || c.Published is not null)
                {
                    // Only when there is a byline, so the digests of comments without one stay as they were.
                    Add("\0byline");
                    Add(c.Author ?? "");
                    Add(c.PublishedIso ?? "");
                }
                AddComments(c.Replies);
            }
        }
        Add(title);
        Add(date?.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Add(dateEstimated ? "estimated" : "");
        Add(titleInferred ? "inferred" : "");
        Add(text.Body);
        AddComments(text.Comments);
        if (!commentsCaptured) Add("comments not captured"); // only then, so the digests of other posts stay as they were
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}

/// <summary>A reader comment. Ids are stable deep-link anchors: <c>c3</c>, and <c>c3-2</c> for its second reply.</summary>
public sealed record Comment(string Id, string Text, ValueList<Comment> Replies)
{
    /// <summary>Who wrote it, when the source says (front matter <c>author</c>).</summary>
    public string? Author { get; init; }

    /// <summary>When it was written, local time to the minute as the blog showed it (front matter <c>published</c>, <c>2011-03-19T10:42</c>).</summary>
    public DateTime? Published { get; init; }

    /// <summary>The ISO 8601 form of <see cref="Published"/> used in front matter, <c>datetime</c> attributes and JSON-LD.</summary>
    public string? PublishedIso => Published?.ToString(IsoFormat, System.Globalization.CultureInfo.InvariantCulture);

    public const string IsoFormat = "yyyy-MM-dd'T'HH:mm";

    public int TotalCount => 1 + Replies.Sum(r => r.TotalCount);

    public IEnumerable<Comment> SelfAndReplies() => Replies.SelectMany(r => r.SelfAndReplies()).Prepend(this);

    public static string TopLevelId(int number) => $"c{number}";
    public static string ReplyId(string parentId, int number) => $"{parentId}-{number}";
}
