using AgentSim.Model.Agents;
using AgentSim.Model.Channels;
using AgentSim.Model.Conversations;
using AgentSim.Model.Engine;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Providers;

namespace AgentSim.Model.Results;

/// <summary>
/// Integer totals of a run (or a shard of it) in one flat vector: counters and latency histograms. Only integers,
/// so merging shards in any grouping gives identical results. Not thread-safe: one per shard.
/// </summary>
public sealed class RunTally : ISimulationObserver
{
    private const int Ch = ChannelInfo.Count;
    private const int Results = 7;
    private const int ProviderResults = 4;
    private const int Kinds = 4;
    private const int H = LatencyHistogram.Buckets;

    private readonly int _p;
    private readonly int _g;
    private readonly int _a;
    private readonly int _started;
    private readonly int _ended;
    private readonly int _turns;
    private readonly int _switches;
    private readonly int _losses;
    private readonly int _repeats;
    private readonly int _checks;
    private readonly int _incidents;
    private readonly int _ttdSum;
    private readonly int _requests;
    private readonly int _rollbacks;
    private readonly int _turnSum;
    private readonly int _guardSum;
    private readonly int _turnHist;
    private readonly int _guardTurnHist;
    private readonly int _guardHist;
    private readonly int _ttdHist;

    /// <summary>Creates an empty tally sized for a world.</summary>
    public RunTally(World world)
        : this(world.Providers.Length, world.Guardrails.Length, world.Agents.Length)
    {
    }

    /// <summary>Creates an empty tally for the given numbers of providers, guardrail layers and agents.</summary>
    public RunTally(int providers, int guardrails, int agents)
    {
        _p = providers;
        _g = guardrails;
        _a = agents;
        var o = 0;
        _started = o; o += Ch;
        _ended = o; o += 4 * Ch;
        _turns = o; o += Ch * _p;
        _switches = o; o += Ch * Ch;
        _losses = o; o += Ch * Ch * 3;
        _repeats = o; o += Ch;
        _checks = o; o += _g * Results;
        _incidents = o; o += Kinds * Ch * 2;
        _ttdSum = o; o += Kinds;
        _requests = o; o += _p * Ch * ProviderResults;
        _rollbacks = o; o += _a * 2;
        _turnSum = o; o += Ch;
        _guardSum = o; o += Ch;
        _turnHist = o; o += Ch * H;
        _guardTurnHist = o; o += Ch * H;
        _guardHist = o; o += _g * H;
        _ttdHist = o; o += Kinds * H;
        Values = new long[o];
    }

    /// <summary>The flat vector (for transport between grains).</summary>
    public long[] Values { get; }

    /// <summary>Adds another tally's vector into this one.</summary>
    public void Add(long[] other)
    {
        if (other.Length != Values.Length)
        {
            throw new ArgumentException("Tally vectors of different worlds cannot be merged.", nameof(other));
        }

        for (var i = 0; i < Values.Length; i++)
        {
            Values[i] += other[i];
        }
    }

    /// <inheritdoc />
    public void ConversationStarted(Channel channel) => Values[_started + (int)channel]++;

    /// <inheritdoc />
    public void ConversationEnded(Outcome outcome, Channel channel) => Values[_ended + ((int)outcome * Ch) + (int)channel]++;

    /// <inheritdoc />
    public void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros)
    {
        var c = (int)channel;
        Values[_turns + (c * _p) + provider]++;
        Values[_turnSum + c] += latencyMicros;
        Values[_guardSum + c] += guardrailMicros;
        Values[_turnHist + (c * H) + LatencyHistogram.BucketOf(latencyMicros)]++;
        Values[_guardTurnHist + (c * H) + LatencyHistogram.BucketOf(guardrailMicros)]++;
    }

    /// <inheritdoc />
    public void ChannelSwitch(Channel from, Channel to) => Values[_switches + ((int)from * Ch) + (int)to]++;

    /// <inheritdoc />
    public void ContextLoss(Channel from, Channel to, Continuity continuity) =>
        Values[_losses + (((int)from * Ch) + (int)to) * 3 + (int)continuity]++;

    /// <inheritdoc />
    public void CustomerRepeat(Channel channel) => Values[_repeats + (int)channel]++;

    /// <inheritdoc />
    public void GuardrailCheck(int guardrail, CheckResult result, long latencyMicros)
    {
        Values[_checks + (guardrail * Results) + (int)result]++;
        Values[_guardHist + (guardrail * H) + LatencyHistogram.BucketOf(latencyMicros)]++;
    }

    /// <inheritdoc />
    public void Incident(IncidentKind kind, Channel channel, bool detected, long detectMicros)
    {
        Values[_incidents + (((int)kind * Ch) + (int)channel) * 2 + (detected ? 1 : 0)]++;
        if (detected)
        {
            Values[_ttdSum + (int)kind] += detectMicros;
            Values[_ttdHist + ((int)kind * H) + LatencyHistogram.BucketOf(detectMicros)]++;
        }
    }

    /// <inheritdoc />
    public void ProviderRequest(int provider, Channel channel, ProviderResult result) =>
        Values[_requests + (((provider * Ch) + (int)channel) * ProviderResults) + (int)result]++;

    /// <inheritdoc />
    public void AgentRollback(int agent, RollbackReason reason) => Values[_rollbacks + (agent * 2) + (int)reason]++;

    /// <inheritdoc />
    /// <remarks>Not tallied: results count rollbacks, not epochs spent rolled back.</remarks>
    public void AgentState(int agent, bool rolledBack)
    {
    }

    /// <summary>Conversations started on a channel.</summary>
    public long Started(Channel c) => Values[_started + (int)c];

    /// <summary>Conversations ended with an outcome on a channel.</summary>
    public long Ended(Outcome o, Channel c) => Values[_ended + ((int)o * Ch) + (int)c];

    /// <summary>Turns on a channel through a provider.</summary>
    public long Turns(Channel c, int provider) => Values[_turns + ((int)c * _p) + provider];

    /// <summary>Switches from → to.</summary>
    public long Switches(Channel from, Channel to) => Values[_switches + ((int)from * Ch) + (int)to];

    /// <summary>Context losses from → to by continuity.</summary>
    public long Losses(Channel from, Channel to, Continuity k) => Values[_losses + (((int)from * Ch) + (int)to) * 3 + (int)k];

    /// <summary>Repeats on a channel.</summary>
    public long Repeats(Channel c) => Values[_repeats + (int)c];

    /// <summary>Checks of a layer with a result.</summary>
    public long Checks(int guardrail, CheckResult r) => Values[_checks + (guardrail * Results) + (int)r];

    /// <summary>Incidents of a kind on a channel, detected or not.</summary>
    public long Incidents(IncidentKind k, Channel c, bool detected) => Values[_incidents + (((int)k * Ch) + (int)c) * 2 + (detected ? 1 : 0)];

    /// <summary>Sum of time-to-detect of detected incidents of a kind, µs.</summary>
    public long DetectionSum(IncidentKind k) => Values[_ttdSum + (int)k];

    /// <summary>Provider requests by provider, channel and result.</summary>
    public long Requests(int provider, Channel c, ProviderResult r) => Values[_requests + (((provider * Ch) + (int)c) * ProviderResults) + (int)r];

    /// <summary>Rollbacks of an agent for a reason.</summary>
    public long Rollbacks(int agent, RollbackReason r) => Values[_rollbacks + (agent * 2) + (int)r];

    /// <summary>Sum of turn latencies on a channel, µs.</summary>
    public long TurnLatencySum(Channel c) => Values[_turnSum + (int)c];

    /// <summary>Sum of guardrail-added latency on a channel, µs.</summary>
    public long GuardrailLatencySum(Channel c) => Values[_guardSum + (int)c];

    /// <summary>Turn latency histogram of a channel.</summary>
    public ReadOnlySpan<long> TurnHistogram(Channel c) => Values.AsSpan(_turnHist + ((int)c * H), H);

    /// <summary>Guardrail-added latency per turn histogram of a channel.</summary>
    public ReadOnlySpan<long> GuardrailTurnHistogram(Channel c) => Values.AsSpan(_guardTurnHist + ((int)c * H), H);

    /// <summary>Check latency histogram of a layer.</summary>
    public ReadOnlySpan<long> GuardrailHistogram(int guardrail) => Values.AsSpan(_guardHist + (guardrail * H), H);

    /// <summary>Time-to-detect histogram of an incident kind.</summary>
    public ReadOnlySpan<long> DetectionHistogram(IncidentKind k) => Values.AsSpan(_ttdHist + ((int)k * H), H);
}
