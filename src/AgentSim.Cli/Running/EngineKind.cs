namespace AgentSim.Cli.Running;

/// <summary>Names of the engines <c>agentsim run --engine</c> accepts.</summary>
public static class EngineKind
{
    /// <summary>Grains in an in-process Orleans silo.</summary>
    public const string Orleans = "orleans";

    /// <summary>The plain in-process loop.</summary>
    public const string Loop = "loop";
}
