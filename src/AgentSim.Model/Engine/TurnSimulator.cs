using AgentSim.Model.Agents;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Conversations;
using AgentSim.Model.Customers;
using AgentSim.Model.Epochs;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails.Checks;
using AgentSim.Model.Guardrails.Layers;
using AgentSim.Model.Providers;
using AgentSim.Model.Queues;
using AgentSim.Model.Randomness;
using AgentSim.Model.Text;

namespace AgentSim.Model.Engine;

/// <summary>
/// One turn of a conversation in the numbered steps of docs/model.md, each delegating to its own type: switch and
/// context (<see cref="ContextCarrier"/>), routing (<see cref="ProviderRouter"/>), message faults, guardrails
/// (<see cref="GuardrailPipeline"/>), the agent's answer, incidents (<see cref="AuditTrail"/>), outcome. Pure computation
/// over one conversation and an <see cref="EpochSnapshot"/>, the same in every engine. Not thread-safe: one per shard.
/// </summary>
public sealed class TurnSimulator
{
    private readonly World _world;
    private readonly ISimulationObserver _observer;
    private readonly ITurnTrace? _trace;
    private readonly ConversationStarter _starter;
    private readonly Utterance _utterance = new();
    private readonly ContextCarrier _context;
    private readonly ProviderRouter _router;
    private readonly GuardrailPipeline _guardrails;
    private readonly AuditTrail _audit;
    private readonly TurnTolerance _tolerance;
    private readonly AgentService _agents;

    /// <summary>Creates a simulator for one shard; <paramref name="trace"/>, when given, also receives each turn's text (for transcripts).</summary>
    public TurnSimulator(World world, ISimulationObserver observer, ITurnTrace? trace = null)
    {
        _world = world;
        _observer = observer;
        _trace = trace;
        _starter = new ConversationStarter(world, observer);
        _context = new ContextCarrier(world.Config.Context, world.Providers, world.Faults, observer);
        _router = new ProviderRouter(world.Routes, world.Providers, world.Guardrails, world.Faults, observer);
        _guardrails = new GuardrailPipeline(world.PreAgent, world.PostAgent, world.Faults, observer);
        _audit = new AuditTrail(world.Guardrails, observer);
        _agents = new AgentService(world.Agents, observer);
        _tolerance = new TurnTolerance(world.Config.Customers.TurnTolerance, world.Config.Conversation.FrustrationPerTolerance);
    }

    /// <summary>Starts conversation <paramref name="id"/> arriving at <paramref name="arrivalMicros"/> (see <see cref="ConversationStarter"/>).</summary>
    public ConversationState Start(long id, long arrivalMicros) => _starter.Start(id, arrivalMicros);

    /// <summary>Starts conversation <paramref name="id"/> with what <paramref name="choices"/> fixes (see <see cref="ConversationStarter"/>).</summary>
    public ConversationState Start(long id, long arrivalMicros, in StartChoices choices) => _starter.Start(id, arrivalMicros, choices);

    /// <summary>
    /// Plays exactly one turn of <paramref name="c"/>, at <see cref="ConversationState.NextTurnAt"/>, against
    /// <paramref name="snapshot"/> (the real-time clock's, whose window need not contain the turn). Returns true when
    /// the conversation ended or was handed to a human queue.
    /// </summary>
    public bool PlayNext(ConversationState c, EpochSnapshot snapshot, EpochReport report)
    {
        if (c.Outcome is null && !c.HandedOver)
        {
            PlayTurn(c, snapshot, report);
        }

        return c.Outcome is not null || c.HandedOver;
    }

    /// <summary>Plays turns of <paramref name="c"/> that start before the snapshot's epoch ends. Returns true when it ended.</summary>
    public bool Advance(ConversationState c, EpochSnapshot snapshot, EpochReport report)
    {
        while (c.Outcome is null && !c.HandedOver && c.NextTurnAt < snapshot.EndMicros)
        {
            PlayTurn(c, snapshot, report);
        }

        return c.Outcome is not null || c.HandedOver;
    }

    private void PlayTurn(ConversationState c, EpochSnapshot snap, EpochReport report)
    {
        ref var rng = ref c.Rng;
        ref var guard = ref c.GuardRng;
        var cfg = _world.Config.Conversation;
        var t = c.NextTurnAt;
        _trace?.TurnStarted(t);
        long latency = 0;
        long guardMicros = 0;

        // 1. The customer may move to another channel; context has to follow them.
        var switched = Switch(c, snap, t, ref rng, ref latency);

        // 2. Route to a provider, failing over when the primary is down or errs; failover to another provider loses its native context.
        var provider = _router.Route(c.Channel, snap, report, t, ref rng, ref latency);
        if (provider < 0)
        {
            if (!snap.AgentRolledBack[c.Agent])
            {
                report.FailureTimes[c.Agent].Add(t);
            }

            End(c, Outcome.Failed);
            return;
        }

        if (!switched && c.LastProvider >= 0 && c.LastProvider != provider && c.Turns > 0)
        {
            latency += _context.Carry(c, c.Channel, c.Channel, provider, t, ref rng, crossProvider: true, snap.Faults);
        }

        c.LastProvider = provider;

        // 3. The customer speaks; after a context loss they repeat themselves, and may give up. Message faults strike here.
        var repeating = c.ContextLost;
        if (repeating && RepeatExhaustsPatience(c))
        {
            _observer.Turn(c.Channel, provider, latency, guardMicros);
            Abandon(c, AbandonReason.Repeats);
            return;
        }

        var faults = (snap.Faults ?? _world.Faults).DrawMessage(t, provider, c.Channel, ref rng);
        var u = _utterance;
        UtteranceWriter.WriteCustomerTurn(u, c.Customer, c.Intent, c.Channel, ref rng, cfg.PiiRate, cfg.InjectionRate, cfg.AbuseRate);
        var agent = _world.Agents[c.Agent];
        var turn = new CheckedTurn(c.Channel, u, agent.Latency);

        // 4. Guardrails before the agent.
        var message = CustomerMessage.Of(u);
        guardMicros += _guardrails.CheckMessage(turn, provider, ref message, snap, t, ref guard);
        latency += guardMicros;
        if (message.Escalate)
        {
            EndTurn(c, u, message.Text, "", provider, latency, guardMicros);
            HandOver(c, t, report);
            return;
        }

        // 5. The agent answers; while it is rolled back, its fallback does (a human queue, or the previous version).
        var behaviour = agent.Config.Behaviour;
        if (snap.AgentRolledBack[c.Agent])
        {
            var governance = agent.Config.Governance;
            if (governance.Fallback == FallbackKind.Human)
            {
                EndTurn(c, u, message.Text, "", provider, latency, guardMicros);
                HandOver(c, t, report);
                return;
            }

            behaviour = governance.PreviousVersion;
        }

        latency += _agents.Answer(c.Agent, t + latency, snap, report, ref rng);
        if (faults.Duplicated)
        {
            latency += _agents.Answer(c.Agent, t + latency, snap, report, ref rng);
            c.Frustration += cfg.FrustrationPerDuplicate;
        }

        var answer = AgentAnswers.Write(behaviour, u, message, c.Channel, c.ContextLost || faults.Spoiled, ref rng);

        // 6. Guardrails on the answer.
        var answerMicros = _guardrails.CheckAnswer(turn, provider, ref answer, snap, t, ref guard);
        guardMicros += answerMicros;
        latency += answerMicros;
        if (answer.Escalate)
        {
            EndTurn(c, u, message.Text, answer.Text, provider, latency, guardMicros);
            HandOver(c, t, report);
            return;
        }

        // On a synchronous channel the customer waits for the answer, and hangs up when it takes longer than their tolerance.
        if (_tolerance.Exceeded(c, latency, ref rng))
        {
            EndTurn(c, u, message.Text, "", provider, latency, guardMicros);
            Abandon(c, AbandonReason.TurnTolerance);
            return;
        }

        // 7. Whatever got through is an incident; audit logging decides whether anyone finds out.
        if (!answer.Blocked)
        {
            Incidents(c, u, answer, provider, t + latency, snap.AgentRolledBack[c.Agent] ? null : report.IncidentTimes[c.Agent], ref guard);
        }

        EndTurn(c, u, message.Text, answer.Blocked ? "" : answer.Text, provider, latency, guardMicros);
        c.Turns++;
        c.ContextLost = false;
        if (faults.Spoiled)
        {
            // The customer has to send it again.
            c.Repeats++;
            c.Frustration += cfg.ResendFrustration;
            _observer.CustomerRepeat(c.Channel);
        }
        else if (message.Blocked || answer.Blocked)
        {
            c.Frustration += cfg.FrustrationPerRefusal;
        }
        else if (!repeating)
        {
            c.Progress++;
        }

        // 8. Outcome, or the customer's next turn after their think time.
        Next(c, behaviour, t + latency, report, ref rng);
    }

    private bool Switch(ConversationState c, EpochSnapshot snap, long t, ref Rng rng, ref long latency)
    {
        if (c.Turns == 0 || !rng.Chance(_world.Config.Channels.SwitchProbability * c.Customer.SwitchPropensity * (1 + c.Frustration)))
        {
            return false;
        }

        var to = _world.SwitchTables[(int)c.Channel].Sample(ref rng);
        if (to < 0 || _world.Routes[to].Primary < 0)
        {
            return false;
        }

        var from = c.Channel;
        c.Channel = (Channel)to;
        _observer.ChannelSwitch(from, c.Channel);
        latency += _context.Carry(c, from, c.Channel, _world.Routes[to].Primary, t, ref rng, faults: snap.Faults);
        return true;
    }

    private bool RepeatExhaustsPatience(ConversationState c)
    {
        c.Repeats++;
        c.Frustration += _world.Config.Conversation.FrustrationPerRepeat;
        _observer.CustomerRepeat(c.Channel);
        return c.Repeats > c.Customer.Patience;
    }

    // Detected incidents are charged to the agent's governance (<paramref name="charged"/>) only when the agent itself answered, not its fallback.
    private void Incidents(ConversationState c, Utterance u, in AgentAnswer answer, int provider, long at, List<long>? charged, ref Rng guard)
    {
        if (answer.EchoEntity is not null && Fingerprints.Visible(answer.Text, u.EntityFingerprint))
        {
            Incident(c, IncidentKind.PiiLeak, provider, answer, at, charged, ref guard);
        }

        if (answer.Hallucinated)
        {
            c.Frustration += _world.Config.Conversation.FrustrationPerWrongAnswer;
            Incident(c, IncidentKind.Hallucination, provider, answer, at, charged, ref guard);
        }

        if (answer.Complied)
        {
            Incident(c, IncidentKind.Injection, provider, answer, at, charged, ref guard);
        }

        if (answer.UnsafeSeverity > 0)
        {
            Incident(c, IncidentKind.UnsafeContent, provider, answer, at, charged, ref guard);
        }
    }

    private void Incident(ConversationState c, IncidentKind kind, int provider, in AgentAnswer answer, long at, List<long>? charged, ref Rng guard)
    {
        var after = _audit.Detect(c.Channel, provider, answer.Logged(kind), ref guard);
        var detected = after != AuditCheck.NotDetected;
        _observer.Incident(kind, c.Channel, detected, detected ? after : 0);
        if (detected)
        {
            charged?.Add(at + after);
        }
    }

    private void Next(ConversationState c, AgentBehaviour behaviour, long at, EpochReport report, ref Rng rng)
    {
        var cfg = _world.Config.Conversation;
        if (c.Progress >= c.TurnsNeeded)
        {
            if (rng.Chance(behaviour.ResolveRate))
            {
                End(c, Outcome.Resolved);
            }
            else
            {
                HandOver(c, at, report);
            }
        }
        else if (rng.Chance(behaviour.EscalateRate))
        {
            HandOver(c, at, report);
        }
        else if (rng.Chance(cfg.AbandonPerFrustration * c.Frustration))
        {
            Abandon(c, AbandonReason.Frustration);
        }
        else if (c.Turns >= cfg.MaxTurns)
        {
            HandOver(c, at, report);
        }
        else
        {
            c.NextTurnAt = at + (long)(rng.Exponential(_world.MeanThinkSeconds[(int)c.Channel]) * 1_000_000);
        }
    }

    private void EndTurn(ConversationState c, Utterance u, string agentSaw, string answer, int provider, long latency, long guardMicros)
    {
        _trace?.TurnText(u, agentSaw, answer);
        _observer.Turn(c.Channel, provider, latency, guardMicros);
    }

    // Agent and guardrail escalations, max_turns and the rollback fallback all hand the customer to the agent's human queue,
    // which decides (at the epoch's close) whether a human answers (escalated) or the customer leaves (abandoned).
    private void HandOver(ConversationState c, long at, EpochReport report)
    {
        c.HandedOver = true;
        report.Handovers[_world.QueueOfAgent[c.Agent]].Add(new QueueArrival(c.Id, at, c.Channel, _world.TierIndex(c.Customer.Tier)));
    }

    private void Abandon(ConversationState c, AbandonReason reason)
    {
        End(c, Outcome.Abandoned);
        _observer.ConversationAbandoned(reason, c.Channel);
    }

    private void End(ConversationState c, Outcome outcome)
    {
        c.Outcome = outcome;
        _observer.ConversationEnded(outcome, c.Channel);
    }
}
