namespace Archivist.Cli;

/// <summary>Process exit codes, documented in <c>--help</c> and the README.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Finished, but <c>--strict</c> turned warnings into failure.</summary>
    public const int WarningsInStrictMode = 1;
    /// <summary>Could not do the job: bad arguments or settings, missing folders, an output folder that is not ours, an unexpected failure.</summary>
    public const int Fatal = 2;
}
