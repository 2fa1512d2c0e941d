namespace Archivist.Tests;

public class SmokeTests
{
    [Fact]
    public void RepoRootIsFound() => Assert.True(File.Exists(Support.RepoPaths.Combine("build.sh")));
}
