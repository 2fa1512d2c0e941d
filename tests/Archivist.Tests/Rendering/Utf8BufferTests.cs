using System.Text;
using Archivist.Rendering;

namespace Archivist.Tests.Rendering;

/// <summary>The reused page buffer is sized from the text's real UTF-8 length, so it must never come out short.</summary>
public sealed class Utf8BufferTests
{
    [Fact]
    public void EncodesLargeTextsOfEveryWidthExactlyAsUtf8DoesWhileGrowingAndShrinking()
    {
        var buffer = new Utf8Buffer();
        // ASCII, 2-byte, 3-byte and 4-byte (surrogate pair) characters, in a builder of many chunks: some pairs fall
        // across a chunk boundary, and the texts outgrow the buffer more than once.
        foreach (var length in new[] { 10, 70_000, 300, 250_000, 1_000_000, 5 })
        {
            var text = new StringBuilder();
            for (var i = 0; text.Length < length; i++)
                text.Append((i % 7) switch { 0 => "é", 1 => "€", 2 => "😀", 3 => "a", 4 => "\u0301", 5 => "𝄞x", _ => "plain text " });
            var chunks = 0;
            foreach (var _ in text.GetChunks()) chunks++;
            Assert.True(chunks > 1 || length < 8000);
            Assert.Equal(Encoding.UTF8.GetBytes(text.ToString()), buffer.Encode(text).ToArray());
        }
    }

    [Fact]
    public void ALoneSurrogateBecomesTheReplacementCharacterAsInAFreshEncoding()
    {
        var text = new StringBuilder().Append('a', 70_000).Append('\uD83D').Append("b");
        Assert.Equal(Encoding.UTF8.GetBytes(text.ToString()), new Utf8Buffer().Encode(text).ToArray());
    }
}
