using AgentSim.Model.Agents;
using AgentSim.Model.Conversations;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Providers;

namespace AgentSim.Model.Engine;

/// <summary>Wire names of the engine's label enums.</summary>
public static class LabelNames
{
    private static readonly string[] Continuities = ["native", "application", "none"];
    private static readonly string[] Checks = ["pass", "block", "mask", "miss", "false_positive", "error", "detect"];
    private static readonly string[] ProviderResults = ["ok", "error", "throttled", "unavailable"];
    private static readonly string[] Reasons = ["incidents", "failures"];

    /// <summary>Wire name.</summary>
    public static string Name(this Continuity value) => Continuities[(int)value];

    /// <summary>Wire name.</summary>
    public static string Name(this CheckResult value) => Checks[(int)value];

    /// <summary>Wire name.</summary>
    public static string Name(this ProviderResult value) => ProviderResults[(int)value];

    /// <summary>Wire name.</summary>
    public static string Name(this RollbackReason value) => Reasons[(int)value];
}
