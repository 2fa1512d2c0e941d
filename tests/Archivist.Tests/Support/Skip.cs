namespace Archivist.Tests.Support;

/// <summary>Skipping a test whose tool is absent, with the reason printed where the user sees it.</summary>
public static class Skip
{
    /// <summary>
    /// <c>dotnet test</c> at its default verbosity prints a skipped test's name but not its reason; a diagnostic
    /// message (xunit.runner.json: diagnosticMessages) is printed, so the reason goes there too.
    /// </summary>
    public static void Because(string reason)
    {
        TestContext.Current.SendDiagnosticMessage($"{TestContext.Current.Test?.TestDisplayName} skipped: {reason}");
        Assert.Skip(reason);
    }
}
