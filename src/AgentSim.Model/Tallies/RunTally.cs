using AgentSim.Model.Channels;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;

namespace AgentSim.Model.Tallies;

/// <summary>
/// Integer totals of a run (or a shard of it) in one flat vector: counters and latency histograms. Only integers,
/// so merging shards in any grouping gives identical results. Not thread-safe: one per shard.
/// </summary>
public sealed class RunTally : ISimulationObserver
{
    private const int H = LatencyHistogram.Buckets;

    private readonly LabelSpace _space;
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
    private readonly int _guardSum;
    private readonly int _turnHist;
    private readonly int _guardTurnHist;
    private readonly int _guardHist;
    private readonly int _ttdHist;
    private readonly int _queues;
    private readonly int _abandoned;
    private readonly int _agentAnswers;
    private readonly int _agentLoad;
    private readonly int _providerLoad;

    /// <summary>Creates an empty tally laid out by a world's label space (<c>World.Labels</c>).</summary>
    public RunTally(LabelSpace space)
    {
        _space = space;
        var ch = space.ChannelCount;
        var o = 0;
        _started = o; o += ch;
        _ended = o; o += space.EndedCount;
        _turns = o; o += space.TurnCount;
        _switches = o; o += space.SwitchCount;
        _losses = o; o += space.LossCount;
        _repeats = o; o += ch;
        _checks = o; o += space.CheckCount;
        _incidents = o; o += space.IncidentCount;
        _ttdSum = o; o += space.IncidentKindCount;
        _requests = o; o += space.RequestCount;
        _rollbacks = o; o += space.RollbackCount;
        _guardSum = o; o += ch;
        _turnHist = o; o += ch * H;
        _guardTurnHist = o; o += ch * H;
        _guardHist = o; o += space.Guardrails * H;
        _ttdHist = o; o += space.IncidentKindCount * H;
        _queues = o; o += space.Queues * LabelSpace.QueueSlot;
        _abandoned = o; o += space.AbandonCount;
        _agentAnswers = o; o += space.Agents * 4;
        _agentLoad = o; o += space.Agents * 4;
        _providerLoad = o; o += space.Providers * 3;
        Values = new long[o];
    }

    /// <summary>The label space the vector is laid out by.</summary>
    public LabelSpace Space => _space;

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
    public void ConversationEnded(Outcome outcome, Channel channel) => Values[_ended + LabelSpace.Ended(outcome, channel)]++;

    /// <inheritdoc />
    public void ConversationAbandoned(AbandonReason reason, Channel channel) => Values[_abandoned + LabelSpace.Abandoned(reason, channel)]++;

    /// <inheritdoc />
    public void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros)
    {
        var c = (int)channel;
        Values[_turns + _space.Turn(channel, provider)]++;
        Values[_guardSum + c] += guardrailMicros;
        Values[_turnHist + (c * H) + LatencyHistogram.BucketOf(latencyMicros)]++;
        Values[_guardTurnHist + (c * H) + LatencyHistogram.BucketOf(guardrailMicros)]++;
    }

    /// <inheritdoc />
    public void ChannelSwitch(Channel from, Channel to) => Values[_switches + LabelSpace.Switch(from, to)]++;

    /// <inheritdoc />
    public void ContextLoss(Channel from, Channel to, Continuity continuity) =>
        Values[_losses + LabelSpace.Loss(from, to, continuity)]++;

    /// <inheritdoc />
    public void CustomerRepeat(Channel channel) => Values[_repeats + (int)channel]++;

    /// <inheritdoc />
    public void GuardrailCheck(int guardrail, CheckResult result, long latencyMicros)
    {
        Values[_checks + LabelSpace.Check(guardrail, result)]++;
        Values[_guardHist + (guardrail * H) + LatencyHistogram.BucketOf(latencyMicros)]++;
    }

    /// <inheritdoc />
    public void Incident(IncidentKind kind, Channel channel, bool detected, long detectMicros)
    {
        Values[_incidents + LabelSpace.Incident(kind, channel, detected)]++;
        if (detected)
        {
            Values[_ttdSum + (int)kind] += detectMicros;
            Values[_ttdHist + ((int)kind * H) + LatencyHistogram.BucketOf(detectMicros)]++;
        }
    }

    /// <inheritdoc />
    public void ProviderRequest(int provider, Channel channel, ProviderResult result) =>
        Values[_requests + LabelSpace.Request(provider, channel, result)]++;

    /// <inheritdoc />
    public void AgentRollback(int agent, RollbackReason reason) => Values[_rollbacks + LabelSpace.Rollback(agent, reason)]++;

    /// <inheritdoc />
    public void AgentAnswered(int agent, long answerMicros, long waitMicros)
    {
        var i = _agentAnswers + (agent * 4);
        Values[i]++;
        Values[i + 1] += answerMicros;
        Values[i + 2] += waitMicros > 0 ? 1 : 0;
        Values[i + 3] += waitMicros;
    }

    /// <inheritdoc />
    /// <remarks>Only the coordinator's tally sees these (once per epoch), so a peak kept here survives the merge, which adds zeros.</remarks>
    public void AgentLoad(int agent, double busy, double utilisation)
    {
        if (busy <= 0)
        {
            return;
        }

        var i = _agentLoad + (agent * 4);
        Values[i] = Math.Max(Values[i], Micro(busy));
        Values[i + 1] = Math.Max(Values[i + 1], Micro(utilisation));
        Values[i + 2] += Micro(utilisation);
        Values[i + 3]++;
    }

    /// <inheritdoc />
    /// <remarks>Only the coordinator's tally sees these, like <see cref="AgentLoad"/>.</remarks>
    public void ProviderLoad(int provider, double utilisation)
    {
        if (utilisation <= 0)
        {
            return;
        }

        var i = _providerLoad + (provider * 3);
        Values[i] = Math.Max(Values[i], Micro(utilisation));
        Values[i + 1] += Micro(utilisation);
        Values[i + 2]++;
    }

    /// <inheritdoc />
    /// <remarks>Not tallied: results count rollbacks, not epochs spent rolled back.</remarks>
    public void AgentState(int agent, bool rolledBack)
    {
    }

    /// <summary>Conversations started on a channel.</summary>
    public long Started(Channel c) => Values[_started + (int)c];

    /// <summary>Conversations ended with an outcome on a channel.</summary>
    public long Ended(Outcome o, Channel c) => Values[_ended + LabelSpace.Ended(o, c)];

    /// <summary>Turns on a channel through a provider.</summary>
    public long Turns(Channel c, int provider) => Values[_turns + _space.Turn(c, provider)];

    /// <summary>Conversations abandoned for a reason, ending on a channel.</summary>
    public long Abandoned(AbandonReason r, Channel c) => Values[_abandoned + LabelSpace.Abandoned(r, c)];

    /// <summary>An agent's answers: how many, their summed answer time (µs), how many waited in its queue, and the summed wait (µs).</summary>
    public (long Answers, long AnswerMicros, long Waited, long WaitMicros) AgentAnswers(int agent)
    {
        var i = _agentAnswers + (agent * 4);
        return (Values[i], Values[i + 1], Values[i + 2], Values[i + 3]);
    }

    /// <summary>An agent's epochs with traffic: peak offered load (Erlangs), peak and mean utilisation of its concurrency limit, and how many epochs.</summary>
    public (double PeakBusy, double PeakUtilisation, double MeanUtilisation, long Epochs) AgentLoadOf(int agent)
    {
        var i = _agentLoad + (agent * 4);
        var epochs = Values[i + 3];
        return (Values[i] / 1e6, Values[i + 1] / 1e6, epochs == 0 ? 0 : Values[i + 2] / 1e6 / epochs, epochs);
    }

    /// <summary>A provider's epochs with traffic: peak and mean utilisation of its quota, and how many epochs.</summary>
    public (double PeakUtilisation, double MeanUtilisation, long Epochs) ProviderLoadOf(int provider)
    {
        var i = _providerLoad + (provider * 3);
        var epochs = Values[i + 2];
        return (Values[i] / 1e6, epochs == 0 ? 0 : Values[i + 1] / 1e6 / epochs, epochs);
    }

    /// <summary>Switches from → to.</summary>
    public long Switches(Channel from, Channel to) => Values[_switches + LabelSpace.Switch(from, to)];

    /// <summary>Context losses from → to by continuity.</summary>
    public long Losses(Channel from, Channel to, Continuity k) => Values[_losses + LabelSpace.Loss(from, to, k)];

    /// <summary>Repeats on a channel.</summary>
    public long Repeats(Channel c) => Values[_repeats + (int)c];

    /// <summary>Checks of a layer with a result.</summary>
    public long Checks(int guardrail, CheckResult r) => Values[_checks + LabelSpace.Check(guardrail, r)];

    /// <summary>Incidents of a kind on a channel, detected or not.</summary>
    public long Incidents(IncidentKind k, Channel c, bool detected) => Values[_incidents + LabelSpace.Incident(k, c, detected)];

    /// <summary>Sum of time-to-detect of detected incidents of a kind, µs.</summary>
    public long DetectionSum(IncidentKind k) => Values[_ttdSum + (int)k];

    /// <summary>Provider requests by provider, channel and result.</summary>
    public long Requests(int provider, Channel c, ProviderResult r) => Values[_requests + LabelSpace.Request(provider, c, r)];

    /// <summary>Rollbacks of an agent for a reason.</summary>
    public long Rollbacks(int agent, RollbackReason r) => Values[_rollbacks + LabelSpace.Rollback(agent, r)];

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

    /// <summary>The integers of human queue <paramref name="queue"/> (<see cref="LabelSpace.QueueSlot"/> of them), written by its owner.</summary>
    public Span<long> Queue(int queue) => Values.AsSpan(_queues + (queue * LabelSpace.QueueSlot), LabelSpace.QueueSlot);

    private static long Micro(double x) => (long)Math.Round(x * 1e6);
}
