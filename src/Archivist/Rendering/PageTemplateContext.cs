using System.Globalization;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Archivist.Rendering;

/// <summary>
/// One thread's Scriban context for rendering pages. Every value a template prints with <c>{{ }}</c> passes
/// through <see cref="Write(SourceSpan, object)"/> and is HTML-escaped there, unless it is <see cref="TrustedHtml"/>
/// (the tool's own rendered HTML, or a value marked with <c>raw</c>); the templates' literal text does not
/// pass through it. Partials are written straight into the page where they are included, so their output is
/// never escaped a second time and never copied through an intermediate string.
/// </summary>
internal sealed class PageTemplateContext : TemplateContext
{
    private readonly IReadOnlyDictionary<string, Template> _partials;
    private readonly Stack<ScriptObject> _freeScopes = new();

    public PageTemplateContext(TemplateFolder folder, IReadOnlyDictionary<string, Template> partials, SiteUrls urls)
        : base(Functions(urls))
    {
        _partials = partials;
        TemplateLoader = folder;
        AutoIndent = false; // whitespace is the template's own, as written
        LimitToString = 0;  // a post with a long thread is a large page, never cut short
        LoopLimit = 0;      // listings can hold thousands of posts
        NewLine = "\n";
    }

    /// <summary>Renders <paramref name="template"/> into <paramref name="output"/>, with <paramref name="model"/>'s members as names.</summary>
    public void Render(Template template, object model, StringBuilderOutput output, RenderedContent? content = null)
    {
        PushGlobal(new ModelScope(model));
        var scope = Scope(); // what the template assigns, on top of the model
        if (content is not null) scope.SetValue("content", content, readOnly: false);
        PushGlobal(scope);
        PushOutput(output);
        try
        {
            Evaluate(template.Page!);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException(TemplateSet.Describe(e.Span, e.OriginalMessage));
        }
        finally
        {
            PopOutput();
            PopGlobal();
            Release(scope);
            PopGlobal();
        }
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null) return this;
        if (Output is not StringBuilderOutput output)
        {
            Write(textAsObject is TrustedHtml trusted ? trusted.Html : HtmlText.Escape(ObjectToString(textAsObject) ?? ""));
            return this;
        }
        var into = output.Builder;
        switch (textAsObject)
        {
            case string text:
                HtmlText.Escape(text, into);
                break;
            case TrustedHtml html:
                into.Append(html.Html);
                break;
            case RenderedContent content:
                into.Append(content.Text);
                break;
            default:
                HtmlText.Escape(ObjectToString(textAsObject) ?? "", into);
                break;
        }
        return this;
    }

    /// <summary>
    /// Writes the partial <paramref name="name"/> here, seeing the page's names and <paramref name="names"/>
    /// (a comment, say); what it assigns stays its own.
    /// </summary>
    private void WritePartial(SourceSpan caller, string name, Action<ScriptObject>? names)
    {
        // Every partial was read (through the folder's checks) and parsed before rendering began, so a known name
        // needs no file system; an unknown one is refused, or reported missing, by the folder.
        if (!_partials.TryGetValue(name, out var partial))
            throw new ScriptRuntimeException(caller, $"no partial named '{name}' ({TemplateLoader!.GetPath(this, caller, name)})");
        var scope = Scope();
        names?.Invoke(scope);
        PushGlobal(scope);
        try
        {
            Evaluate(partial.Page!);
        }
        finally
        {
            PopGlobal();
            Release(scope);
        }
    }

    private ScriptObject Scope() => _freeScopes.Count > 0 ? _freeScopes.Pop() : new ScriptObject();

    private void Release(ScriptObject scope)
    {
        scope.Clear();
        _freeScopes.Push(scope);
    }

    private static ScriptObject Functions(SiteUrls urls)
    {
        var functions = GetDefaultBuiltinObject();
        functions.Remove("include");
        functions.SetValue("include", new IncludeFunction(), readOnly: true);
        functions.SetValue("comment_thread", new CommentThreadFunction(), readOnly: true);
        functions.Import("url", new Func<string, string>(urls.Local));
        functions.Import("plural", new Func<int, string, string?, string>(Plural));
        functions.Import("raw", new Func<object?, TrustedHtml?>(Raw));
        return functions;
    }

    /// <summary><c>plural 3 "comment"</c> → <c>3 comments</c>; the third argument is the plural when it is not the singular plus "s".</summary>
    private static string Plural(int count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";

    /// <summary><c>raw x</c>: print <c>x</c> as HTML, unescaped. Only for markup the template author vouches for.</summary>
    private static TrustedHtml? Raw(object? value) => value switch
    {
        null => null,
        TrustedHtml html => html,
        _ => new TrustedHtml(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>
    /// <c>include "NAME" key: value …</c>: writes <c>partials/NAME.sbn-html</c> here; the named arguments are
    /// names inside the partial.
    /// </summary>
    private sealed class IncludeFunction : IScriptCustomFunction
    {
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            if (arguments.Count == 0 || arguments[0] is not string name)
                throw new ScriptRuntimeException(span, "include needs the name of a partial, e.g. include \"header\"");
            var named = (callerContext as ScriptFunctionCall)?.Arguments.OfType<ScriptNamedArgument>().ToList();
            ((PageTemplateContext)context).WritePartial(span, name, named is null or { Count: 0 } ? null : scope =>
            {
                foreach (var argument in named)
                {
                    var key = argument.Name!.Name;
                    arguments.TryGetValue(context, span, key, out var value);
                    scope.SetValue(key, value, readOnly: false);
                }
            });
            return null;
        }

        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) =>
            index == 0 ? new ScriptParameterInfo(typeof(string), "name") : new ScriptParameterInfo(typeof(object), "value");
        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    /// <summary>
    /// <c>comment_thread comments</c>: writes <c>partials/comment.sbn-html</c> once for each comment, with
    /// <c>comment</c> set to it (the partial calls it again for the replies). The thread's markup stays in the
    /// template, and a page with 300 comments costs 300 evaluations of one parsed partial, no more.
    /// </summary>
    private sealed class CommentThreadFunction : IScriptCustomFunction
    {
        public const string Partial = "comment";

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            if (arguments.Count == 0) throw new ScriptRuntimeException(span, "comment_thread needs a list of comments, e.g. comment_thread post.comments");
            if (arguments[0] is null) return null;
            if (arguments[0] is not IEnumerable<Views.CommentView> comments)
                throw new ScriptRuntimeException(span, "comment_thread takes a list of comments (post.comments or comment.replies)");
            var page = (PageTemplateContext)context;
            foreach (var comment in comments)
                page.WritePartial(span, Partial, scope => scope.SetValue("comment", comment, readOnly: false));
            return null;
        }

        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "comments");
        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}

/// <summary>The page template's output as the layout prints it with <c>{{ content }}</c>: copied once, trusted.</summary>
internal sealed class RenderedContent(StringBuilder text)
{
    public StringBuilder Text { get; } = text;
}

/// <summary>A model object's members as template names (<c>post</c>, <c>heading</c>), read through Scriban's own accessors.</summary>
internal sealed class ModelScope(object model) : IScriptObject
{
    public int Count => 0;
    public IEnumerable<string> GetMembers() => [];
    public bool Contains(string member) => false;
    public bool IsReadOnly { get; set; } = true;

    public bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        value = null;
        return context is not null && context.GetMemberAccessor(model).TryGetValue(context, span, model, member, out value);
    }

    public bool CanWrite(string member) => false;
    public bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly) => false;
    public bool Remove(string member) => false;
    public void SetReadOnly(string member, bool readOnly) { }
    public IScriptObject Clone(bool deep) => new ModelScope(model);
}
