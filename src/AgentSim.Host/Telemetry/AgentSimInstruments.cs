using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AgentSim.Host.Telemetry;

/// <summary>
/// The <c>AgentSim</c> meter and its instruments; every instrument and tag name lives here. Names are chosen so the
/// Prometheus exporter (dots → <c>_</c>, <c>_total</c> on counters, unit suffix) yields the names of design brief §4.
/// </summary>
public sealed class AgentSimInstruments
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "AgentSim";

    /// <summary>Conversations started (<c>agentsim_conversations_started_total</c>).</summary>
    public const string ConversationsStarted = "agentsim.conversations.started";

    /// <summary>Conversations ended (<c>agentsim_conversations_ended_total</c>).</summary>
    public const string ConversationsEnded = "agentsim.conversations.ended";

    /// <summary>Abandoned conversations by reason (<c>agentsim_conversations_abandoned_total</c>).</summary>
    public const string ConversationsAbandoned = "agentsim.conversations.abandoned";

    /// <summary>Conversations in flight (<c>agentsim_conversations_in_flight</c>).</summary>
    public const string ConversationsInFlight = "agentsim.conversations.in_flight";

    /// <summary>Turns (<c>agentsim_turns_total</c>).</summary>
    public const string Turns = "agentsim.turns";

    /// <summary>Channel switches (<c>agentsim_channel_switches_total</c>).</summary>
    public const string ChannelSwitches = "agentsim.channel.switches";

    /// <summary>Context losses (<c>agentsim_context_losses_total</c>).</summary>
    public const string ContextLosses = "agentsim.context.losses";

    /// <summary>Customer repeats (<c>agentsim_customer_repeats_total</c>).</summary>
    public const string CustomerRepeats = "agentsim.customer.repeats";

    /// <summary>Guardrail checks (<c>agentsim_guardrail_checks_total</c>).</summary>
    public const string GuardrailChecks = "agentsim.guardrail.checks";

    /// <summary>Incidents (<c>agentsim_incidents_total</c>).</summary>
    public const string Incidents = "agentsim.incidents";

    /// <summary>Agent rollbacks (<c>agentsim_agent_rollbacks_total</c>).</summary>
    public const string AgentRollbacks = "agentsim.agent.rollbacks";

    /// <summary>Provider requests (<c>agentsim_provider_requests_total</c>).</summary>
    public const string ProviderRequests = "agentsim.provider.requests";

    /// <summary>Agent rolled back right now, 1 or 0 (<c>agentsim_agent_rolled_back</c>).</summary>
    public const string AgentRolledBack = "agentsim.agent.rolled_back";

    /// <summary>An agent deployment's offered load over its concurrency limit, last epoch (<c>agentsim_agent_utilisation</c>).</summary>
    public const string AgentUtilisation = "agentsim.agent.utilisation";

    /// <summary>An agent deployment's offered load in Erlangs, last epoch (<c>agentsim_agent_busy</c>).</summary>
    public const string AgentBusy = "agentsim.agent.busy";

    /// <summary>A provider's demand over its quota, last epoch (<c>agentsim_provider_utilisation</c>).</summary>
    public const string ProviderUtilisation = "agentsim.provider.utilisation";

    /// <summary>Turn latency histogram (<c>agentsim_turn_latency_seconds</c>).</summary>
    public const string TurnLatency = "agentsim.turn.latency";

    /// <summary>Guardrail check latency histogram (<c>agentsim_guardrail_latency_seconds</c>).</summary>
    public const string GuardrailLatency = "agentsim.guardrail.latency";

    /// <summary>Incident time-to-detect histogram (<c>agentsim_incident_detection_seconds</c>).</summary>
    public const string IncidentDetection = "agentsim.incident.detection";

    /// <summary>Unit of the histograms: seconds (the exporter appends <c>_seconds</c>).</summary>
    public const string Seconds = "s";

    /// <summary>Tag: channel wire name.</summary>
    public const string ChannelTag = "channel";

    /// <summary>Tag: provider name from the scenario.</summary>
    public const string ProviderTag = "provider";

    /// <summary>Tag: conversation outcome.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>Tag: channel switched from.</summary>
    public const string FromTag = "from";

    /// <summary>Tag: channel switched to.</summary>
    public const string ToTag = "to";

    /// <summary>Tag: what should have carried context (native, application, none).</summary>
    public const string ContinuityTag = "continuity";

    /// <summary>Tag: guardrail layer name from the scenario.</summary>
    public const string GuardrailTag = "guardrail";

    /// <summary>Tag: guardrail or incident kind.</summary>
    public const string KindTag = "kind";

    /// <summary>Tag: guardrail placement (platform, application).</summary>
    public const string PlacementTag = "placement";

    /// <summary>Tag: guardrail stage.</summary>
    public const string StageTag = "stage";

    /// <summary>Tag: result of a check or a request.</summary>
    public const string ResultTag = "result";

    /// <summary>Tag: whether an incident was detected (true, false).</summary>
    public const string DetectedTag = "detected";

    /// <summary>Customers answered by a human queue (<c>agentsim_queue_answered_total</c>).</summary>
    public const string QueueAnsweredName = "agentsim.queue.answered";

    /// <summary>Customers who left a human queue (<c>agentsim_queue_abandoned_total</c>).</summary>
    public const string QueueAbandonedName = "agentsim.queue.abandoned";

    /// <summary>Customers waiting in a human queue at the last epoch's close (<c>agentsim_queue_waiting</c>).</summary>
    public const string QueueWaitingName = "agentsim.queue.waiting";

    /// <summary>Busy servers of a human queue at the last epoch's close (<c>agentsim_queue_busy_servers</c>).</summary>
    public const string QueueBusyName = "agentsim.queue.busy_servers";

    /// <summary>Wait of answered customers histogram (<c>agentsim_queue_wait_seconds</c>).</summary>
    public const string QueueWaitName = "agentsim.queue.wait";

    /// <summary>Tag: human queue name from the scenario.</summary>
    public const string QueueTag = "queue";

    /// <summary>Tag: agent name from the scenario.</summary>
    public const string AgentTag = "agent";

    /// <summary>Tag: rollback reason.</summary>
    public const string ReasonTag = "reason";

    // Boundaries sit at the latency SLOs of prometheus/alerts.yml (3 s synchronous, 30 s asynchronous), so histogram_quantile
    // does not interpolate across a threshold the alerts compare with.
    private static readonly double[] TurnBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30, 60, 120];
    private static readonly double[] GuardrailBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
    private static readonly double[] DetectionBuckets = [1, 5, 15, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 43200, 86400];
    private static readonly double[] QueueWaitBuckets = [0.001, 1, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600];

    /// <summary>Bucket boundaries of the turn-latency histogram, in seconds.</summary>
    public static IReadOnlyList<double> TurnLatencyBuckets => TurnBuckets;

    private readonly ConcurrentDictionary<string, int> _rolledBack = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Waiting, int Busy)> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (double Busy, double Utilisation)> _agentLoad = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _providerLoad = new(StringComparer.Ordinal);
    private long _inFlight;

    /// <summary>Creates the meter from the host's meter factory, and its instruments.</summary>
    public AgentSimInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        Started = meter.CreateCounter<long>(ConversationsStarted, null, "Conversations started, by first channel.");
        Ended = meter.CreateCounter<long>(ConversationsEnded, null, "Conversations ended, by outcome and last channel.");
        Abandoned = meter.CreateCounter<long>(ConversationsAbandoned, null, "Abandoned conversations, by reason (repeats, frustration, turn_tolerance, queue) and last channel.");
        meter.CreateObservableGauge(ConversationsInFlight, () => Interlocked.Read(ref _inFlight), null, "Conversations started and not yet ended.");
        TurnCount = meter.CreateCounter<long>(Turns, null, "Turns completed, by channel and provider.");
        Switches = meter.CreateCounter<long>(ChannelSwitches, null, "Customer channel switches.");
        Losses = meter.CreateCounter<long>(ContextLosses, null, "Context lost on a switch, by what should have carried it.");
        Repeats = meter.CreateCounter<long>(CustomerRepeats, null, "Turns in which the customer repeated themselves.");
        Checks = meter.CreateCounter<long>(GuardrailChecks, null, "Guardrail checks, by layer and result.");
        IncidentCount = meter.CreateCounter<long>(Incidents, null, "Agent errors that reached the customer.");
        Rollbacks = meter.CreateCounter<long>(AgentRollbacks, null, "Agent rollbacks, by agent and reason.");
        Requests = meter.CreateCounter<long>(ProviderRequests, null, "Provider requests, by provider, channel and result.");
        meter.CreateObservableGauge(AgentRolledBack, ObserveRolledBack, null, "1 while the agent is rolled back (traffic on its fallback), else 0.");
        meter.CreateObservableGauge(AgentUtilisation, () => Observe(_agentLoad, AgentTag, l => l.Utilisation), null, "Agent deployment's offered load over its concurrency limit in the last epoch (above 1: overloaded; 0 without a limit).");
        meter.CreateObservableGauge(AgentBusy, () => Observe(_agentLoad, AgentTag, l => l.Busy), null, "Agent deployment's offered load in the last epoch, in Erlangs (mean requests in service).");
        meter.CreateObservableGauge(ProviderUtilisation, () => Observe(_providerLoad, ProviderTag, u => u), null, "Provider's requests over its quota in the last epoch (above 1: throttling; 0 without a quota).");
        QueueAnswered = meter.CreateCounter<long>(QueueAnsweredName, null, "Customers a human answered, by queue.");
        QueueAbandoned = meter.CreateCounter<long>(QueueAbandonedName, null, "Customers who left a human queue before a human answered, by queue.");
        meter.CreateObservableGauge(QueueWaitingName, () => _queues.Select(q => new Measurement<int>(q.Value.Waiting, new KeyValuePair<string, object?>(QueueTag, q.Key))), null, "Customers waiting in the human queue at the last epoch's close.");
        meter.CreateObservableGauge(QueueBusyName, () => _queues.Select(q => new Measurement<int>(q.Value.Busy, new KeyValuePair<string, object?>(QueueTag, q.Key))), null, "Servers of the human queue busy at the last epoch's close.");
        QueueWaitSeconds = Histogram(meter, QueueWaitName, "Wait of answered customers in a human queue, in simulated seconds.", QueueWaitBuckets);
        TurnSeconds = Histogram(meter, TurnLatency, "End-to-end turn latency in simulated seconds.", TurnBuckets);
        GuardrailSeconds = Histogram(meter, GuardrailLatency, "Guardrail check latency in simulated seconds.", GuardrailBuckets);
        DetectionSeconds = Histogram(meter, IncidentDetection, "Time from incident to detection in simulated seconds.", DetectionBuckets);
    }

    /// <summary>Conversations started.</summary>
    public Counter<long> Started { get; }

    /// <summary>Conversations ended.</summary>
    public Counter<long> Ended { get; }

    /// <summary>Abandoned conversations by reason.</summary>
    public Counter<long> Abandoned { get; }

    /// <summary>Turns.</summary>
    public Counter<long> TurnCount { get; }

    /// <summary>Channel switches.</summary>
    public Counter<long> Switches { get; }

    /// <summary>Context losses.</summary>
    public Counter<long> Losses { get; }

    /// <summary>Customer repeats.</summary>
    public Counter<long> Repeats { get; }

    /// <summary>Guardrail checks.</summary>
    public Counter<long> Checks { get; }

    /// <summary>Incidents.</summary>
    public Counter<long> IncidentCount { get; }

    /// <summary>Agent rollbacks.</summary>
    public Counter<long> Rollbacks { get; }

    /// <summary>Provider requests.</summary>
    public Counter<long> Requests { get; }

    /// <summary>Turn latency, seconds.</summary>
    public Histogram<double> TurnSeconds { get; }

    /// <summary>Guardrail check latency, seconds.</summary>
    public Histogram<double> GuardrailSeconds { get; }

    /// <summary>Incident time-to-detect, seconds.</summary>
    public Histogram<double> DetectionSeconds { get; }

    /// <summary>Customers a human queue answered.</summary>
    public Counter<long> QueueAnswered { get; }

    /// <summary>Customers who left a human queue.</summary>
    public Counter<long> QueueAbandoned { get; }

    /// <summary>Waits of answered customers, in seconds.</summary>
    public Histogram<double> QueueWaitSeconds { get; }

    /// <summary>Sets a queue's waiting customers and busy servers (the gauges).</summary>
    public void SetQueue(string queue, int waiting, int busy) => _queues[queue] = (waiting, busy);

    /// <summary>Sets an agent's load gauges (offered Erlangs and utilisation of its concurrency limit).</summary>
    public void SetAgentLoad(string agent, double busy, double utilisation) => _agentLoad[agent] = (busy, utilisation);

    /// <summary>Sets a provider's utilisation gauge.</summary>
    public void SetProviderLoad(string provider, double utilisation) => _providerLoad[provider] = utilisation;

    /// <summary>Moves the in-flight gauge by <paramref name="delta"/>.</summary>
    public void AddInFlight(long delta) => Interlocked.Add(ref _inFlight, delta);

    /// <summary>Makes the rolled-back gauge report <paramref name="agent"/> (as 0) if it does not yet.</summary>
    public void AddAgent(string agent) => _rolledBack.TryAdd(agent, 0);

    /// <summary>Sets the rolled-back gauge of <paramref name="agent"/>.</summary>
    public void SetRolledBack(string agent, bool rolledBack) => _rolledBack[agent] = rolledBack ? 1 : 0;

    private IEnumerable<Measurement<int>> ObserveRolledBack() =>
        [.. _rolledBack.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>(AgentTag, pair.Key)))];

    private static IEnumerable<Measurement<double>> Observe<T>(ConcurrentDictionary<string, T> values, string tag, Func<T, double> value) =>
        [.. values.Select(pair => new Measurement<double>(value(pair.Value), new KeyValuePair<string, object?>(tag, pair.Key)))];

    private static Histogram<double> Histogram(Meter meter, string name, string description, double[] buckets) =>
        meter.CreateHistogram(name, Seconds, description, tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = buckets });
}
