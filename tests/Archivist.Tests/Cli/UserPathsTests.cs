using Archivist.Cli;

namespace Archivist.Tests.Cli;

/// <summary>Files are named to the user as they would type them from where they ran the command.</summary>
public class UserPathsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "archivist-paths", "repo");
    private static string At(params string[] parts) => Path.Combine([Root, .. parts]);

    [Fact]
    public void AFileBelowTheUsersFolderIsNamedRelativeToIt() =>
        Assert.Equal(Path.Combine("seeds", "002_x.txt"), new UserPaths(Root).Show(At("seeds", "002_x.txt")));

    [Fact]
    public void FromASubfolderTheNameClimbsOutOfIt() =>
        Assert.Equal(Path.Combine("..", "seeds", "002_x.txt"), new UserPaths(At("docs")).Show(At("seeds", "002_x.txt")));

    [Fact]
    public void ANameThatWouldClimbMoreThanTwoFoldersIsTheFullPath()
    {
        var deep = At("a", "b", "c");
        Assert.Equal(Path.Combine("..", "..", "x.txt"), new UserPaths(At("a", "b")).Show(At("x.txt")));
        Assert.Equal(At("x.txt"), new UserPaths(deep).Show(At("x.txt")));
    }
}
