namespace AgentSim.Model.Events;

/// <summary>Why a customer abandoned (a metric label and the keys of results.json's <c>abandonment</c>).</summary>
public enum AbandonReason
{
    /// <summary>They had to repeat themselves more often than their repeat-count patience allows.</summary>
    [WireName("repeats")]
    Repeats,

    /// <summary>Frustration made them give up between turns (<c>abandon_per_frustration</c>).</summary>
    [WireName("frustration")]
    Frustration,

    /// <summary>On a synchronous channel, a turn took longer than their turn tolerance.</summary>
    [WireName("turn_tolerance")]
    TurnTolerance,

    /// <summary>They left a human queue before a human answered.</summary>
    [WireName("queue")]
    Queue,
}
