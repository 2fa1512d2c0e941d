using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Archivist.Content;

/// <summary>
/// Writes a post as a Markdown document with YAML front matter — the archive's portable format.
/// Keys always appear in the same order and scalars get a fixed style, so output is deterministic;
/// multi-line Markdown is written as literal blocks to stay readable.
/// </summary>
public static partial class PostDocumentWriter
{
    [GeneratedRegex(@"^(?:[-+]?(?:\d[\d_]*)?\.?\d[\d_.eE+-]*|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan|[-+]?\.inf|\d{4}-\d\d?-\d\d?.*|y|n|yes|no|on|off|true|false|null|~)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksTyped();

    public static string Write(Post post)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        writer.Write("---\n");
        var emitter = new Emitter(writer, EmitterSettings.Default.WithBestWidth(int.MaxValue).WithNewLine("\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));

        Key(emitter, "title"); Text(emitter, post.Title);
        Key(emitter, "date"); Raw(emitter, post.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null");
        Key(emitter, "date_estimated"); Raw(emitter, post.DateEstimated ? "true" : "false");
        Key(emitter, "title_inferred"); Raw(emitter, post.TitleInferred ? "true" : "false");
        Key(emitter, "slug"); Text(emitter, post.Slug);
        Key(emitter, "url"); Text(emitter, post.Url);
        Key(emitter, "sources");
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
        foreach (var source in post.Sources) Text(emitter, source);
        emitter.Emit(new SequenceEnd());
        Key(emitter, "comment_count"); Raw(emitter, post.CommentCount.ToString(CultureInfo.InvariantCulture));
        Key(emitter, "comments");
        Comments(emitter, post.Comments);

        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        writer.Write("---\n");
        if (post.Body.Length > 0) writer.Write("\n" + post.Body + "\n");
        return writer.ToString();
    }

    private static void Comments(IEmitter emitter, ValueList<Comment> comments)
    {
        if (comments.Count == 0)
        {
            emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
            emitter.Emit(new SequenceEnd());
            return;
        }
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
        foreach (var comment in comments)
        {
            emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
            Key(emitter, "id"); Text(emitter, comment.Id);
            Key(emitter, "text"); Text(emitter, comment.Text);
            if (comment.Replies.Count > 0)
            {
                Key(emitter, "replies");
                Comments(emitter, comment.Replies);
            }
            emitter.Emit(new MappingEnd());
        }
        emitter.Emit(new SequenceEnd());
    }

    private static void Key(IEmitter emitter, string key) => Raw(emitter, key);

    private static void Raw(IEmitter emitter, string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    /// <summary>Text is always read back as text: multi-line as a literal block, anything YAML could take
    /// for another type (numbers, dates, booleans, null) double-quoted; the emitter quotes the rest as needed.</summary>
    private static void Text(IEmitter emitter, string value)
    {
        var style = value.Contains('\n') ? ScalarStyle.Literal
            : value.Length == 0 || LooksTyped().IsMatch(value) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Plain;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }
}
