using AgentSim.Model.Agents;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Conversations;
using AgentSim.Model.Customers;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Providers;
using AgentSim.Model.Randomness;
using AgentSim.Model.Text;

namespace AgentSim.Model.Engine;

/// <summary>
/// The per-turn model: switching and context continuity, routing and provider failures, guardrails on the way in and
/// out, the agent's answer and errors, incident detection, and the conversation's outcome. Pure computation over one
/// conversation and an <see cref="EpochSnapshot"/>; the same in every engine. Not thread-safe: one per shard.
/// </summary>
public sealed class TurnSimulator
{
    private const long NoDetection = long.MinValue;
    private readonly World _world;
    private readonly ISimulationObserver _observer;
    private readonly CustomerFactory _customers;
    private readonly Utterance _utterance = new();
    private readonly bool _hasRateLimit;
    private readonly bool _hasMessageFaults;
    private readonly ITurnTrace? _trace;

    /// <summary>Creates a simulator for one shard; <paramref name="trace"/>, when given, also receives each turn's text (for transcripts).</summary>
    public TurnSimulator(World world, ISimulationObserver observer, ITurnTrace? trace = null)
    {
        _world = world;
        _observer = observer;
        _trace = trace;
        _customers = new CustomerFactory(world.Seed, world.Config.Customers, world.ChannelMix);
        _hasRateLimit = world.Guardrails.Any(g => g.Config.Kind == GuardrailKind.RateLimit);
        _hasMessageFaults = world.Faults.Any(f => f.Kind is FaultKind.SmsTruncation or FaultKind.DuplicateDelivery or FaultKind.TranscriptionNoise);
    }

    /// <summary>Starts conversation <paramref name="id"/> arriving at <paramref name="arrivalMicros"/>.</summary>
    public ConversationState Start(long id, long arrivalMicros)
    {
        var rng = new Rng(_world.Seed, (ulong)id, Purpose.Conversation);
        var population = Math.Max(1, _world.Config.Customers.Population);
        var customer = _customers.Get((long)(rng.NextUInt64() % (ulong)population));
        var intent = Math.Max(0, _world.Intents.Sample(ref rng));
        var needed = rng.NextInclusive((int)_world.Config.Conversation.TurnsNeeded.Min, (int)_world.Config.Conversation.TurnsNeeded.Max);
        var channel = customer.PreferredChannel;
        if (_world.Routes[(int)channel].Primary < 0)
        {
            var drawn = _world.ChannelMix.Sample(ref rng);
            channel = drawn < 0 ? Channel.WebChat : (Channel)drawn;
        }

        var state = new ConversationState
        {
            Id = id,
            Customer = customer,
            Intent = intent,
            Agent = _world.AgentForIntent.Length == 0 ? 0 : _world.AgentForIntent[intent],
            TurnsNeeded = Math.Max(1, needed),
            Channel = channel,
            NextTurnAt = arrivalMicros,
            Rng = rng,
        };
        _observer.ConversationStarted(channel);
        return state;
    }

    /// <summary>Plays turns of <paramref name="c"/> that start before the snapshot's epoch ends. Returns true when it ended.</summary>
    public bool Advance(ConversationState c, EpochSnapshot snapshot, EpochReport report)
    {
        while (c.Outcome is null && c.NextTurnAt < snapshot.EndMicros)
        {
            PlayTurn(c, snapshot, report);
        }

        return c.Outcome is not null;
    }

    private void PlayTurn(ConversationState c, EpochSnapshot snap, EpochReport report)
    {
        ref var rng = ref c.Rng;
        var cfg = _world.Config;
        var t = c.NextTurnAt;
        _trace?.TurnStarted(t);
        long latency = 0;
        long guardMicros = 0;

        // 1. The customer may move to another channel; context has to follow them.
        var switched = false;
        if (c.Turns > 0 && rng.Chance(cfg.Channels.SwitchProbability * c.Customer.SwitchPropensity * (1 + c.Frustration)))
        {
            var to = _world.SwitchTables[(int)c.Channel].Sample(ref rng);
            if (to >= 0 && _world.Routes[to].Primary >= 0)
            {
                var from = c.Channel;
                c.Channel = (Channel)to;
                _observer.ChannelSwitch(from, c.Channel);
                switched = true;
                latency += CarryContext(c, from, c.Channel, _world.Routes[to].Primary, t, ref rng);
            }
        }

        // 2. Route to a provider, failing over when the primary is down or errs.
        var provider = Route(c, snap, report, t, ref rng, ref latency);
        if (provider < 0)
        {
            End(c, Outcome.Failed, report, t);
            return;
        }

        if (!switched && c.LastProvider >= 0 && c.LastProvider != provider && c.Turns > 0)
        {
            // Failover moved the conversation to another provider: its native context does not come along.
            latency += CarryContext(c, c.Channel, c.Channel, provider, t, ref rng, crossProvider: true);
        }

        c.LastProvider = provider;

        // 3. The customer speaks; after a context loss, they repeat themselves.
        var repeating = c.ContextLost;
        if (repeating)
        {
            c.Repeats++;
            c.Frustration += cfg.Conversation.FrustrationPerRepeat;
            _observer.CustomerRepeat(c.Channel);
            if (c.Repeats > c.Customer.Patience)
            {
                _observer.Turn(c.Channel, provider, latency, guardMicros);
                End(c, Outcome.Abandoned, report, t);
                return;
            }
        }

        // Message faults: a truncated or garbled message leaves the agent answering a fragment; a duplicate is answered twice.
        var spoiled = false;
        var duplicated = false;
        if (_hasMessageFaults)
        {
            spoiled = rng.Chance(_world.MessageFaultRate(FaultKind.SmsTruncation, t, provider, c.Channel))
                | rng.Chance(_world.MessageFaultRate(FaultKind.TranscriptionNoise, t, provider, c.Channel));
            duplicated = rng.Chance(_world.MessageFaultRate(FaultKind.DuplicateDelivery, t, provider, c.Channel));
        }

        var u = _utterance;
        UtteranceWriter.WriteCustomerTurn(u, c.Customer, c.Intent, c.Channel, ref rng, cfg.Conversation.PiiRate, cfg.Conversation.InjectionRate, cfg.Conversation.AbuseRate);

        // 4. Guardrails before the agent.
        var input = new InputState { Text = u.Text, InjectionLive = u.Injection is not null, AbuseLive = u.AbuseSeverity > 0 };
        foreach (var g in _world.PreAgent)
        {
            if (g.Covers(c.Channel, provider))
            {
                guardMicros += CheckInput(g, c, u, ref input, snap, t, ref rng);
            }
        }

        latency += guardMicros;
        if (input.Escalate)
        {
            _trace?.TurnText(u, input.Text, "");
            _observer.Turn(c.Channel, provider, latency, guardMicros);
            End(c, Outcome.Escalated, report, t);
            return;
        }

        // 5. The agent, or its fallback while rolled back.
        var agent = _world.Agents[c.Agent];
        var behaviour = agent.Config.Behaviour;
        if (snap.AgentRolledBack[c.Agent])
        {
            var governance = agent.Config.Governance;
            if (governance.Fallback == FallbackKind.Human)
            {
                report.HumanDemand[c.Agent]++;
                _trace?.TurnText(u, input.Text, "");
                _observer.Turn(c.Channel, provider, latency, guardMicros);
                End(c, rng.Chance(snap.HumanAccept[c.Agent]) ? Outcome.Escalated : Outcome.Abandoned, report, t);
                return;
            }

            behaviour = governance.PreviousVersion;
        }

        latency += agent.Latency.SampleMicros(ref rng);
        if (duplicated)
        {
            latency += agent.Latency.SampleMicros(ref rng);
            c.Frustration += 0.05;
        }

        var answer = new AnswerState();
        if (!input.Blocked)
        {
            answer.Hallucinated = rng.Chance(behaviour.HallucinationRate * (c.ContextLost || spoiled ? behaviour.ContextLossHallucinationMultiplier : 1));
            if (u.Entity is { } entity && Visible(input.Text, u.EntityFingerprint) && rng.Chance(behaviour.PiiEchoRate))
            {
                answer.EchoEntity = entity;
                answer.Text = UtteranceWriter.WriteEcho(entity, u.EntityValue, c.Channel);
            }

            answer.Complied = input.InjectionLive && rng.Chance(behaviour.InjectionComplyRate);
            if (answer.Complied)
            {
                answer.Text += " " + UtteranceWriter.InjectionCompliance;
            }

            answer.UnsafeSeverity = rng.Chance(behaviour.UnsafeRate * (input.AbuseLive ? 3 : 1)) ? rng.NextInclusive(2, 7) : 0;
        }

        // 6. Guardrails on the answer.
        long outMicros = 0;
        foreach (var g in _world.PostAgent)
        {
            if (g.Covers(c.Channel, provider))
            {
                outMicros += CheckOutput(g, c, u, ref answer, snap, t, ref rng, agent);
            }
        }

        guardMicros += outMicros;
        latency += outMicros;
        if (answer.Escalate)
        {
            _trace?.TurnText(u, input.Text, answer.Text);
            _observer.Turn(c.Channel, provider, latency, guardMicros);
            End(c, Outcome.Escalated, report, t);
            return;
        }

        // 7. Whatever got through is an incident; audit logging decides whether anyone finds out.
        if (!answer.Blocked)
        {
            if (answer.EchoEntity is not null && Visible(answer.Text, u.EntityFingerprint))
            {
                Incident(c, IncidentKind.PiiLeak, provider, answer.LoggedMask, t + latency, report, ref rng);
            }

            if (answer.Hallucinated)
            {
                c.Frustration += 0.15;
                Incident(c, IncidentKind.Hallucination, provider, answer.LoggedMask, t + latency, report, ref rng);
            }

            if (answer.Complied)
            {
                Incident(c, IncidentKind.Injection, provider, answer.LoggedMask, t + latency, report, ref rng);
            }

            if (answer.UnsafeSeverity > 0)
            {
                Incident(c, IncidentKind.UnsafeContent, provider, answer.LoggedMask, t + latency, report, ref rng);
            }
        }

        _trace?.TurnText(u, input.Text, answer.Blocked ? "" : answer.Text);
        _observer.Turn(c.Channel, provider, latency, guardMicros);
        c.Turns++;
        c.ContextLost = false;
        if (spoiled)
        {
            // The customer has to send it again.
            c.Repeats++;
            c.Frustration += cfg.Conversation.FrustrationPerRepeat / 2;
            _observer.CustomerRepeat(c.Channel);
        }
        else if (input.Blocked || answer.Blocked)
        {
            c.Frustration += 0.1;
        }
        else if (!repeating)
        {
            c.Progress++;
        }

        // 8. Outcome, or the next turn.
        if (c.Progress >= c.TurnsNeeded)
        {
            End(c, rng.Chance(behaviour.ResolveRate) ? Outcome.Resolved : Outcome.Escalated, report, t + latency);
        }
        else if (rng.Chance(behaviour.EscalateRate))
        {
            End(c, Outcome.Escalated, report, t + latency);
        }
        else if (rng.Chance(cfg.Conversation.AbandonPerFrustration * c.Frustration))
        {
            End(c, Outcome.Abandoned, report, t + latency);
        }
        else if (c.Turns >= cfg.Conversation.MaxTurns)
        {
            End(c, Outcome.Escalated, report, t + latency);
        }
        else
        {
            c.NextTurnAt = t + latency + (long)(rng.Exponential(c.Channel.MeanThinkSeconds()) * 1_000_000);
        }
    }

    private long CarryContext(ConversationState c, Channel from, Channel to, int toProvider, long t, ref Rng rng, bool crossProvider = false)
    {
        var cfg = _world.Config;
        var sameProvider = !crossProvider && c.LastProvider == toProvider;
        Continuity continuity;
        bool kept;
        long latency = 0;
        if (sameProvider && _world.Providers[toProvider].Config.NativeContext)
        {
            continuity = Continuity.Native;
            kept = rng.Chance(cfg.Context.NativeSuccessRate);
        }
        else if (cfg.Context.Store is { } store && _world.StoreCovers(from, to))
        {
            continuity = Continuity.Application;
            latency = _world.StoreLatency.SampleMicros(ref rng);
            kept = !_world.FaultActive(FaultKind.ContextStoreOutage, t) && rng.Chance(store.SuccessRate);
        }
        else
        {
            continuity = Continuity.None;
            kept = false;
        }

        if (!kept)
        {
            c.ContextLost = true;
            _observer.ContextLoss(from, to, continuity);
        }

        return latency;
    }

    private int Route(ConversationState c, EpochSnapshot snap, EpochReport report, long t, ref Rng rng, ref long latency)
    {
        var route = _world.Routes[(int)c.Channel];
        var result = TryProvider(route.Primary, c.Channel, snap, report, t, ref rng, ref latency);
        if (result == ProviderResult.Ok)
        {
            return route.Primary;
        }

        if (route.Failover >= 0 && TryProvider(route.Failover, c.Channel, snap, report, t, ref rng, ref latency) == ProviderResult.Ok)
        {
            return route.Failover;
        }

        return -1;
    }

    private ProviderResult TryProvider(int p, Channel channel, EpochSnapshot snap, EpochReport report, long t, ref Rng rng, ref long latency)
    {
        if (p < 0)
        {
            return ProviderResult.Unavailable;
        }

        var provider = _world.Providers[p];
        report.ProviderRequests[p]++;
        ProviderResult result;
        if (!provider.Carries(channel) || snap.ProviderDown[p] || _world.FaultActive(FaultKind.ProviderOutage, t, p, channel: channel))
        {
            result = ProviderResult.Unavailable;
        }
        else
        {
            var (extraError, extraLatency) = _world.Degradation(t, p, channel);
            latency += provider.Latency(channel).SampleMicros(ref rng) + (extraLatency > 0 ? (long)(extraLatency * rng.Uniform(0.5, 1.5)) : 0);
            var errorRate = provider.Config.ErrorRate + extraError;
            if (!provider.Config.AiIntegration)
            {
                latency += provider.ConnectorLatency.SampleMicros(ref rng);
                errorRate += provider.Config.ConnectorErrorRate;
            }

            result = ProviderResult.Ok;
            if (rng.Chance(snap.ProviderThrottle[p]))
            {
                if (_hasRateLimit && RateLimited(channel, p, ref rng, ref latency))
                {
                    result = ProviderResult.Ok;
                }
                else
                {
                    result = ProviderResult.Throttled;
                }
            }

            if (result == ProviderResult.Ok && rng.Chance(errorRate))
            {
                result = ProviderResult.Error;
            }
        }

        _observer.ProviderRequest(p, channel, result);
        return result;
    }

    private bool RateLimited(Channel channel, int provider, ref Rng rng, ref long latency)
    {
        foreach (var g in _world.Guardrails)
        {
            if (g.Config.Kind == GuardrailKind.RateLimit && g.Covers(channel, provider))
            {
                // The limiter queues the request until the quota frees up instead of letting a 429 through.
                var wait = g.Latency.SampleMicros(ref rng) + (long)(rng.Exponential(1.0) * 1_000_000);
                latency += wait;
                _observer.GuardrailCheck(g.Index, CheckResult.Block, wait);
                return true;
            }
        }

        return false;
    }

    private long CheckInput(GuardrailModel g, ConversationState c, Utterance u, ref InputState input, EpochSnapshot snap, long t, ref Rng rng)
    {
        var cfg = g.Config;
        if (cfg.Kind is GuardrailKind.RateLimit or GuardrailKind.Audit or GuardrailKind.Groundedness)
        {
            return 0;
        }

        var lat = g.Latency.SampleMicros(ref rng);
        if (IsDown(g, snap, t, ref rng))
        {
            _observer.GuardrailCheck(g.Index, CheckResult.Error, lat);
            input.Blocked |= cfg.FailMode == FailMode.Closed;
            return lat;
        }

        var result = CheckResult.Pass;
        switch (cfg.Kind)
        {
            case GuardrailKind.Pii:
            {
                var text = cfg.SpokenForms && c.Channel.IsSpoken() ? SpokenForms.Normalize(input.Text) : input.Text;
                var masked = 0;
                foreach (var r in g.Recognizers)
                {
                    masked += r.Mask(ref text);
                }

                var planted = u.Entity is not null && Visible(input.Text, u.EntityFingerprint);
                if (planted && masked > 0 && !Visible(text, u.EntityFingerprint) && IsModelBased(u.Entity!.Value) && rng.Chance(cfg.MissRate))
                {
                    masked = 0; // the NER model did not fire on this one
                    text = input.Text;
                }

                if (planted)
                {
                    result = Visible(text, u.EntityFingerprint) ? CheckResult.Miss : Act(cfg.OnFail, ref input, masks: true);
                }
                else if (masked > 0)
                {
                    result = CheckResult.FalsePositive;
                }

                if (cfg.OnFail == OnFailAction.Mask || result == CheckResult.Miss)
                {
                    input.Text = text;
                }

                break;
            }

            case GuardrailKind.Injection:
            case GuardrailKind.Topic:
            {
                if (input.InjectionLive)
                {
                    var byPattern = UtteranceWriter.LooksLikeInjection(input.Text);
                    var recall = cfg.Kind == GuardrailKind.Topic ? 0.6 : 1.0;
                    var caught = byPattern ? rng.Chance(recall * (1 - cfg.MissRate)) : rng.Chance(0.5 * recall * (1 - cfg.MissRate));
                    if (caught)
                    {
                        input.InjectionLive = false;
                        result = Act(cfg.OnFail, ref input, masks: false);
                    }
                    else
                    {
                        result = CheckResult.Miss;
                    }
                }
                else if (rng.Chance(cfg.FalsePositiveRate))
                {
                    input.Blocked = true;
                    result = CheckResult.FalsePositive;
                }

                break;
            }

            case GuardrailKind.ContentSafety:
            {
                if (input.AbuseLive)
                {
                    if (u.AbuseSeverity >= cfg.SeverityThreshold && !rng.Chance(cfg.MissRate))
                    {
                        input.AbuseLive = false;
                        result = Act(cfg.OnFail, ref input, masks: false);
                    }
                    else
                    {
                        result = CheckResult.Miss;
                    }
                }
                else if (rng.Chance(cfg.FalsePositiveRate))
                {
                    input.Blocked = true;
                    result = CheckResult.FalsePositive;
                }

                break;
            }
        }

        _observer.GuardrailCheck(g.Index, result, lat);
        return lat;
    }

    private long CheckOutput(GuardrailModel g, ConversationState c, Utterance u, ref AnswerState answer, EpochSnapshot snap, long t, ref Rng rng, AgentModel agent)
    {
        var cfg = g.Config;
        if (cfg.Kind is GuardrailKind.RateLimit or GuardrailKind.Audit || answer.Blocked)
        {
            return 0;
        }

        var lat = g.Latency.SampleMicros(ref rng);
        if (IsDown(g, snap, t, ref rng))
        {
            _observer.GuardrailCheck(g.Index, CheckResult.Error, lat);
            answer.Blocked |= cfg.FailMode == FailMode.Closed;
            return lat;
        }

        var result = CheckResult.Pass;
        var fired = false;
        switch (cfg.Kind)
        {
            case GuardrailKind.Pii:
            {
                var text = cfg.SpokenForms && c.Channel.IsSpoken() ? SpokenForms.Normalize(answer.Text) : answer.Text;
                var masked = 0;
                foreach (var r in g.Recognizers)
                {
                    masked += r.Mask(ref text);
                }

                var echoed = answer.EchoEntity is not null && Visible(answer.Text, u.EntityFingerprint);
                if (echoed && !Visible(text, u.EntityFingerprint) && IsModelBased(answer.EchoEntity!.Value) && rng.Chance(cfg.MissRate))
                {
                    text = answer.Text;
                }

                if (echoed)
                {
                    fired = !Visible(text, u.EntityFingerprint);
                    result = fired ? CheckResult.Mask : CheckResult.Miss;
                    if (fired && cfg.OnFail != OnFailAction.Log)
                    {
                        answer.Text = text;
                        answer.EchoEntity = cfg.OnFail == OnFailAction.Mask ? answer.EchoEntity : null;
                    }
                }
                else if (masked > 0)
                {
                    result = CheckResult.FalsePositive;
                }

                if (fired && cfg.OnFail is OnFailAction.Block or OnFailAction.Escalate or OnFailAction.Reask)
                {
                    result = CheckResult.Block;
                    Apply(cfg.OnFail, ref answer, agent, ref rng, ref lat);
                }
                else if (fired && cfg.OnFail == OnFailAction.Log)
                {
                    answer.LoggedMask |= 1 << (int)IncidentKind.PiiLeak;
                    result = CheckResult.Miss;
                }

                break;
            }

            case GuardrailKind.Groundedness:
                result = OutputCheck(answer.Hallucinated, cfg, IncidentKind.Hallucination, ref answer, agent, ref rng, ref lat, ref answer.Hallucinated);
                break;

            case GuardrailKind.Injection:
            case GuardrailKind.Topic:
            {
                var present = answer.Complied && UtteranceWriter.LooksLikeCompliance(answer.Text);
                result = OutputCheck(present, cfg, IncidentKind.Injection, ref answer, agent, ref rng, ref lat, ref answer.Complied);
                break;
            }

            case GuardrailKind.ContentSafety:
            {
                var present = answer.UnsafeSeverity >= cfg.SeverityThreshold;
                var flag = answer.UnsafeSeverity > 0;
                result = OutputCheck(present, cfg, IncidentKind.UnsafeContent, ref answer, agent, ref rng, ref lat, ref flag);
                if (!flag)
                {
                    answer.UnsafeSeverity = 0;
                }
                else if (!present && answer.UnsafeSeverity > 0 && result == CheckResult.Pass)
                {
                    result = CheckResult.Miss;
                }

                break;
            }
        }

        _observer.GuardrailCheck(g.Index, result, lat);
        return lat;
    }

    private static CheckResult OutputCheck(bool present, GuardrailConfig cfg, IncidentKind kind, ref AnswerState answer, AgentModel agent, ref Rng rng, ref long lat, ref bool error)
    {
        if (present)
        {
            if (rng.Chance(cfg.MissRate))
            {
                return CheckResult.Miss;
            }

            if (cfg.OnFail == OnFailAction.Log)
            {
                answer.LoggedMask |= 1 << (int)kind;
                return CheckResult.Miss;
            }

            error = false;
            Apply(cfg.OnFail, ref answer, agent, ref rng, ref lat);
            return cfg.OnFail == OnFailAction.Mask ? CheckResult.Mask : CheckResult.Block;
        }

        if (rng.Chance(cfg.FalsePositiveRate))
        {
            Apply(cfg.OnFail == OnFailAction.Escalate ? OnFailAction.Block : cfg.OnFail, ref answer, agent, ref rng, ref lat);
            return CheckResult.FalsePositive;
        }

        return CheckResult.Pass;
    }

    private static void Apply(OnFailAction action, ref AnswerState answer, AgentModel agent, ref Rng rng, ref long lat)
    {
        switch (action)
        {
            case OnFailAction.Block:
                answer.Blocked = true;
                break;
            case OnFailAction.Reask:
                lat += agent.Latency.SampleMicros(ref rng);
                break;
            case OnFailAction.Escalate:
                answer.Escalate = true;
                break;
        }
    }

    private static CheckResult Act(OnFailAction action, ref InputState input, bool masks)
    {
        switch (action)
        {
            case OnFailAction.Block:
            case OnFailAction.Reask:
                input.Blocked = true;
                return CheckResult.Block;
            case OnFailAction.Escalate:
                input.Escalate = true;
                return CheckResult.Block;
            case OnFailAction.Log:
                return CheckResult.Miss;
            default:
                return masks ? CheckResult.Mask : CheckResult.Block;
        }
    }

    private bool IsDown(GuardrailModel g, EpochSnapshot snap, long t, ref Rng rng) =>
        snap.GuardrailDown[g.Index] || _world.FaultActive(FaultKind.GuardrailOutage, t, guardrail: g.Index) || rng.Chance(g.Config.ErrorRate);

    private void Incident(ConversationState c, IncidentKind kind, int provider, int loggedMask, long at, EpochReport report, ref Rng rng)
    {
        var detectedAfter = NoDetection;
        if ((loggedMask & (1 << (int)kind)) != 0)
        {
            detectedAfter = 1_000_000;
        }

        foreach (var a in _world.Audit)
        {
            if (!a.Covers(c.Channel, provider))
            {
                continue;
            }

            if (rng.Chance(a.Config.DetectionRate))
            {
                var delay = Math.Max(1, a.DetectionDelay.SampleMicros(ref rng));
                detectedAfter = detectedAfter == NoDetection ? delay : Math.Min(detectedAfter, delay);
                _observer.GuardrailCheck(a.Index, CheckResult.Detect, a.Latency.SampleMicros(ref rng));
            }
            else
            {
                // Audit runs after delivery: its processing time is reported but adds nothing to the turn.
                _observer.GuardrailCheck(a.Index, CheckResult.Miss, a.Latency.SampleMicros(ref rng));
            }
        }

        var detected = detectedAfter != NoDetection;
        _observer.Incident(kind, c.Channel, detected, detected ? detectedAfter : 0);
        if (detected)
        {
            report.IncidentTimes[c.Agent].Add(at + detectedAfter);
        }
    }

    private void End(ConversationState c, Outcome outcome, EpochReport report, long at)
    {
        c.Outcome = outcome;
        if (outcome == Outcome.Failed)
        {
            report.FailureTimes[c.Agent].Add(at);
        }

        _observer.ConversationEnded(outcome, c.Channel);
    }

    private static bool IsModelBased(PiiEntity entity) => entity is PiiEntity.Person or PiiEntity.Location;

    private static bool Visible(string text, string fingerprint) =>
        fingerprint.Length > 0 && SpokenForms.Fingerprint(SpokenForms.Normalize(text)).Contains(fingerprint, StringComparison.Ordinal);

    private struct InputState
    {
        public string Text;
        public bool InjectionLive;
        public bool AbuseLive;
        public bool Blocked;
        public bool Escalate;
    }

    private struct AnswerState
    {
        public string Text;
        public PiiEntity? EchoEntity;
        public bool Hallucinated;
        public bool Complied;
        public int UnsafeSeverity;
        public bool Blocked;
        public bool Escalate;
        public int LoggedMask;

        public AnswerState()
        {
            Text = "";
        }
    }
}
