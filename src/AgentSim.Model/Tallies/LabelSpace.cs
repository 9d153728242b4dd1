using AgentSim.Model.Channels;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;

namespace AgentSim.Model.Tallies;

/// <summary>
/// The label space of a world's counters: every counter is indexed by bounded sets (channels, outcomes, results, and the
/// scenario's providers, guardrail layers and agents), and this is the one place that says how a combination maps to a
/// flat index and how many there are. <see cref="RunTally"/> lays its vector out by it and the metrics build one tag list
/// per index by it, so the two cannot disagree. Sizes come from the enums (<see cref="Wire{T}.Count"/>).
/// </summary>
public sealed class LabelSpace(int providers, int guardrails, int agents, int queues = 0)
{
    private static readonly int Ch = ChannelInfo.Count;
    private static readonly int Outcomes = Wire<Outcome>.Count;
    private static readonly int Continuities = Wire<Continuity>.Count;
    private static readonly int CheckResults = Wire<CheckResult>.Count;
    private static readonly int IncidentKinds = Wire<IncidentKind>.Count;
    private static readonly int ProviderResults = Wire<ProviderResult>.Count;
    private static readonly int Reasons = Wire<RollbackReason>.Count;
    private static readonly int AbandonReasons = Wire<AbandonReason>.Count;

    /// <summary>Number of providers in the world.</summary>
    public int Providers { get; } = providers;

    /// <summary>Number of guardrail layers in the world.</summary>
    public int Guardrails { get; } = guardrails;

    /// <summary>Number of agents in the world.</summary>
    public int Agents { get; } = agents;

    /// <summary>Number of human queues in the world.</summary>
    public int Queues { get; } = queues;

    /// <summary>Integers kept per human queue: ten counters and a wait histogram (written by the queue's statistics).</summary>
    public static int QueueSlot => 10 + LatencyHistogram.Buckets;

    /// <summary>Size of the per-channel segments (started, repeats).</summary>
    public int ChannelCount => Ch;

    /// <summary>Size of the ended segment.</summary>
    public int EndedCount => Outcomes * Ch;

    /// <summary>Size of the turns segment.</summary>
    public int TurnCount => Ch * Providers;

    /// <summary>Size of the switches segment.</summary>
    public int SwitchCount => Ch * Ch;

    /// <summary>Size of the context-loss segment.</summary>
    public int LossCount => Ch * Ch * Continuities;

    /// <summary>Size of the guardrail-check segment.</summary>
    public int CheckCount => Guardrails * CheckResults;

    /// <summary>Size of the incident segment.</summary>
    public int IncidentCount => IncidentKinds * Ch * 2;

    /// <summary>Number of incident kinds (the time-to-detect segments).</summary>
    public int IncidentKindCount => IncidentKinds;

    /// <summary>Size of the provider-request segment.</summary>
    public int RequestCount => Providers * Ch * ProviderResults;

    /// <summary>Size of the rollback segment.</summary>
    public int RollbackCount => Agents * Reasons;

    /// <summary>Size of the abandon-reason segment.</summary>
    public int AbandonCount => AbandonReasons * Ch;

    /// <summary>Index of (reason, channel).</summary>
    public static int Abandoned(AbandonReason reason, Channel channel) => ((int)reason * Ch) + (int)channel;

    /// <summary>Index of (outcome, channel).</summary>
    public static int Ended(Outcome outcome, Channel channel) => ((int)outcome * Ch) + (int)channel;

    /// <summary>Index of (channel, provider).</summary>
    public int Turn(Channel channel, int provider) => ((int)channel * Providers) + provider;

    /// <summary>Index of (from, to).</summary>
    public static int Switch(Channel from, Channel to) => ((int)from * Ch) + (int)to;

    /// <summary>Index of (from, to, continuity).</summary>
    public static int Loss(Channel from, Channel to, Continuity continuity) => (Switch(from, to) * Continuities) + (int)continuity;

    /// <summary>Index of (layer, result).</summary>
    public static int Check(int guardrail, CheckResult result) => (guardrail * CheckResults) + (int)result;

    /// <summary>Index of (kind, channel, detected).</summary>
    public static int Incident(IncidentKind kind, Channel channel, bool detected) => (((int)kind * Ch) + (int)channel) * 2 + (detected ? 1 : 0);

    /// <summary>Index of (provider, channel, result).</summary>
    public static int Request(int provider, Channel channel, ProviderResult result) => (((provider * Ch) + (int)channel) * ProviderResults) + (int)result;

    /// <summary>Index of (agent, reason).</summary>
    public static int Rollback(int agent, RollbackReason reason) => (agent * Reasons) + (int)reason;
}
