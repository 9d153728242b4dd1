namespace AgentSim.Cli;

/// <summary>Process exit codes of <c>agentsim</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The run or command failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unknown preset, missing file, invalid scenario or bad option value.</summary>
    public const int BadInput = 2;
}
