using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Archivist.Seeds;

/// <summary>YAML that could not be read; <see cref="Line"/> is 1-based within the YAML text.</summary>
public sealed class YamlReadException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// Loads YAML from text we do not control (seed front matter, settings) so that every failure is a
/// <see cref="YamlReadException"/> with a line. YamlDotNet throws more than <see cref="YamlException"/>
/// on some malformed input (an unclosed <c>[</c> gives InvalidOperationException), and its loader
/// recurses once per nesting level, so a deep enough document overflows the stack — which no catch can
/// stop. The parser's event stream is iterative, so nesting and aliases are checked on it first.
/// </summary>
public static class SafeYaml
{
    /// <summary>Far deeper than any front matter or settings file (comments nest three levels).</summary>
    public const int MaxDepth = 32;

    public static YamlStream Load(string text)
    {
        CheckShape(text);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlException e)
        {
            throw new YamlReadException((int)e.Start.Line, FirstLineOf(e.Message));
        }
        catch (Exception e) when (e is not YamlReadException)
        {
            // Whatever else the library throws on bad input is still bad input, not our crash.
            throw new YamlReadException(1, "cannot be parsed from this line on");
        }
    }

    /// <summary>Walks the events once: syntax errors surface here with the line of the last good event.</summary>
    private static void CheckShape(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var line = 1;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                line = Math.Max(1, (int)current.Start.Line);
                switch (current)
                {
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        throw new YamlReadException(line, $"nested more than {MaxDepth} levels deep");
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case AnchorAlias:
                        // Aliases can make a node contain itself, or multiply a small text into a huge one.
                        throw new YamlReadException(line, "uses a YAML alias (*name), which is not supported");
                }
            }
        }
        catch (YamlException e)
        {
            throw new YamlReadException((int)e.Start.Line, FirstLineOf(e.Message));
        }
        catch (Exception e) when (e is not YamlReadException)
        {
            throw new YamlReadException(line, "cannot be parsed from this line on");
        }
    }

    private static string FirstLineOf(string message)
    {
        var cut = message.IndexOf('\n');
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
