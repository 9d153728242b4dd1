using AgentSim.Abstractions.Messages;

namespace AgentSim.Grains.Customers;

/// <summary>In-memory state of a customer grain: the last masked profile served and a short outcome history.</summary>
internal sealed class CustomerState
{
    /// <summary>Most outcomes kept; older ones are dropped.</summary>
    public const int HistoryLimit = 16;

    /// <summary>The last profile served and the run it was for.</summary>
    public (RunRequest Request, CustomerView View)? Profile { get; set; }

    /// <summary>Recent outcomes, oldest first.</summary>
    public Queue<CustomerOutcomeEntry> History { get; } = new();
}
