using System.Text.RegularExpressions;
using Archivist.Seeds;
using YamlDotNet.RepresentationModel;

namespace Archivist.Content;

/// <summary>A post read from a Markdown document, plus the slug and URL it asked for.</summary>
public sealed record PostDocument(Post Post, string? RequestedSlug, string? RequestedUrl);

/// <summary>
/// Reads the Markdown + front matter format that <see cref="PostDocumentWriter"/> writes (and that a
/// publisher may write by hand as a finished <c>.md</c> seed). Missing optional keys get defaults; bad
/// values are reported with their line and skipped, never guessed.
/// </summary>
public static partial class PostDocumentReader
{
    [GeneratedRegex(@"^c\d+(?:-\d+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CommentId();

    private static readonly HashSet<string> KnownKeys =
        ["title", "date", "date_estimated", "title_inferred", "slug", "url", "sources", "comment_count", "comments"];

    public static PostDocument? Read(string file, string text, ICollection<Diagnostic> diagnostics)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF').Split('\n');
        var frontMatter = FrontMatterBlock.TryRead(file, lines, diagnostics);
        if (frontMatter is null)
        {
            diagnostics.Add(Diagnostic.Warning(file, 1, "a Markdown seed must start with front matter ('---', then at least 'title: …', then '---'); skipped"));
            return null;
        }

        var body = string.Join('\n', lines.Skip(frontMatter.LinesUsed)).Trim('\n').TrimEnd();
        string? title = null, slug = null, url = null;
        DateOnly? date = null;
        bool dateEstimated = false, titleInferred = false;
        int? declaredCount = null;
        var countIsNull = false;
        var sources = new List<string>();
        var comments = new List<Comment>();

        foreach (var (key, value, line) in frontMatter.Entries())
        {
            string? error = null;
            switch (key)
            {
                case "title":
                    if (FrontMatterValues.TryString(value, out var t, out error)) title = t;
                    break;
                case "date":
                    FrontMatterValues.TryDate(value, out date, out error);
                    break;
                case "date_estimated":
                    FrontMatterValues.TryBool(value, out dateEstimated, out error);
                    break;
                case "title_inferred":
                    FrontMatterValues.TryBool(value, out titleInferred, out error);
                    break;
                case "slug":
                    if (FrontMatterValues.TryString(value, out var s, out error)) slug = s;
                    break;
                case "url":
                    if (FrontMatterValues.TryString(value, out var u, out error)) url = u;
                    break;
                case "sources":
                    if (value is YamlSequenceNode seq) sources.AddRange(seq.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? ""));
                    else if (!FrontMatterValues.IsNull(value)) error = "expected a list of file names";
                    break;
                case "comment_count":
                    if (FrontMatterValues.IsNull(value)) countIsNull = true; // comments not captured: unknown, not zero
                    else if (FrontMatterValues.TryInt(value, out var n, out error)) declaredCount = n;
                    break;
                case "comments":
                    if (value is YamlSequenceNode list) comments.AddRange(ReadComments(file, frontMatter, list, diagnostics, parentId: null));
                    else if (!FrontMatterValues.IsNull(value)) error = "expected a list of comments";
                    break;
                default:
                    diagnostics.Add(Diagnostic.Warning(file, line, $"unknown front matter key '{key}' ignored (known: {string.Join(", ", KnownKeys)})"));
                    break;
            }
            if (error is not null) diagnostics.Add(Diagnostic.Warning(file, line, $"front matter '{key}': {error}; ignored"));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            title = Path.GetFileNameWithoutExtension(file);
            titleInferred = true;
            diagnostics.Add(Diagnostic.Warning(file, 1, $"no title in front matter; using \"{title}\""));
        }

        var post = new Post
        {
            Title = title.Trim(),
            Date = date,
            DateEstimated = dateEstimated && date is not null,
            TitleInferred = titleInferred,
            Slug = slug ?? "",
            Url = url ?? "",
            Sources = sources,
            Text = new PostText(body, comments),
            CommentsCaptured = !(countIsNull && comments.Count == 0),
        };
        if (countIsNull && comments.Count > 0)
            diagnostics.Add(Diagnostic.Warning(file, 1, $"comment_count is null (not captured) but {post.CommentCount} comments are listed; counted them"));
        if (declaredCount is { } declared && declared != post.CommentCount)
            diagnostics.Add(Diagnostic.Warning(file, 1, $"comment_count says {declared} but {post.CommentCount} comments are listed"));
        return new PostDocument(post, slug, url);
    }

    private static IEnumerable<Comment> ReadComments(string file, FrontMatterBlock block, YamlSequenceNode list,
        ICollection<Diagnostic> diagnostics, string? parentId)
    {
        var number = 0;
        foreach (var node in list.Children)
        {
            number++;
            var expectedId = parentId is null ? Comment.TopLevelId(number) : Comment.ReplyId(parentId, number);
            if (node is not YamlMappingNode mapping)
            {
                diagnostics.Add(Diagnostic.Warning(file, block.LineOf(node), "a comment must be a mapping with 'id' and 'text'; skipped"));
                continue;
            }
            var id = expectedId;
            var text = "";
            string? author = null;
            DateTime? published = null;
            var replies = new List<Comment>();
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value;
                switch (key)
                {
                    case "id" when value is YamlScalarNode { Value: { } v }:
                        if (CommentId().IsMatch(v)) id = v;
                        else diagnostics.Add(Diagnostic.Warning(file, block.LineOf(value), $"comment id '{v}' is not like c3 or c3-2; using {expectedId}"));
                        break;
                    case "text" when value is YamlScalarNode { Value: var v }:
                        text = (v ?? "").TrimEnd();
                        break;
                    case "author" when value is YamlScalarNode { Value: var v }:
                        author = string.IsNullOrWhiteSpace(v) || FrontMatterValues.IsNull(value) ? null : v.Trim();
                        break;
                    case "published" when value is YamlScalarNode { Value: var v }:
                        if (FrontMatterValues.IsNull(value)) break;
                        if (DateTime.TryParseExact(v, Comment.IsoFormat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
                            published = time;
                        else diagnostics.Add(Diagnostic.Warning(file, block.LineOf(value), $"comment published '{v}' is not a local time like 2011-03-19T10:42; ignored"));
                        break;
                    case "replies" when value is YamlSequenceNode sub:
                        replies.AddRange(ReadComments(file, block, sub, diagnostics, id));
                        break;
                    default:
                        diagnostics.Add(Diagnostic.Warning(file, block.LineOf(keyNode), $"unexpected comment key '{key}' ignored"));
                        break;
                }
            }
            yield return new Comment(id, text, replies) { Author = author, Published = published };
        }
    }
}
