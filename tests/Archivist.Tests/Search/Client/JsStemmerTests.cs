using Archivist.Tests.Support;

namespace Archivist.Tests.Search.Client;

public class JsStemmerTests
{
    [Fact]
    public void BrowserStemmerMatchesTheSnowballVocabulary()
    {
        var node = ExternalTool.Require("node", "it runs templates/assets/search/stemmer.js");
        var result = ExternalTool.Run(node, ["tests/js/stemmer.test.mjs"], RepoPaths.Root, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
