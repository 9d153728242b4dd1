using AgentSim.Model.Faults;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Guardrails;

namespace AgentSim.Scenarios.Tests;

public sealed class RoundTripTests
{
    private const string Full = """
        name: round-trip
        description: every section once
        seed: 18446744073709551615
        conversations: 1_500
        arrivals: {rate_per_second: 2.5}
        time: {epoch_seconds: 30}
        channels:
          mix: {web_chat: 0.7, voice: 0.3}
          switch_probability: 0.25
          matrix:
            web_chat: {voice: 1}
        customers:
          population: 500
          locales: [en_US, de]
          patience: {min: 0, max: 2}
          switch_propensity: {min: 0.1, max: 0.9}
          tiers: {standard: 1}
        conversation:
          turns_needed: {min: 1, max: 4}
          max_turns: 8
          pii_rate: 0.5
          injection_rate: 0.1
          abuse_rate: 0.2
          intents: {billing: 2, complaint: 1}
          frustration_per_repeat: 0.3
          abandon_per_frustration: 0.4
        providers:
          - name: main
            channels: [web_chat, voice]
            native_context: true
            ai_integration: false
            connector_latency: {p50_ms: 100, p99_ms: 800}
            connector_error_rate: 0.02
            error_rate: 0.003
            latency: {p50_ms: 50, p99_ms: 300}
            channel_latency:
              voice: {p50_ms: 120, p99_ms: 700}
            availability: {mtbf_hours: 100, mttr_minutes: 15}
            quota_per_second: 40
            native_guardrails: [pii, audit]
          - name: spare
            channels: [voice]
        routing:
          web_chat: {primary: main}
          voice: {primary: main, failover: spare}
        context:
          native_success_rate: 0.95
          store:
            pairs: ["web_chat->voice", "voice -> web_chat"]
            success_rate: 0.7
            latency: {p50_ms: 30, p99_ms: 90}
            engineering_weeks_per_pair: 4
        agents:
          - name: bot
            intents: [billing, complaint]
            behaviour:
              resolve_rate: 0.9
              escalate_rate: 0.01
              hallucination_rate: 0.02
              context_loss_hallucination_multiplier: 5
              pii_echo_rate: 0.1
              injection_comply_rate: 0.2
              unsafe_rate: 0.003
            latency: {p50_ms: 600, p99_ms: 2000}
            governance:
              incident_budget: 3
              failure_budget: 7
              window_minutes: 45
              cooldown_minutes: 20
              fallback: previous_version
              previous_version: {resolve_rate: 0.5}
        guardrails:
          - name: plat-pii
            kind: pii
            placement: platform
            stage: transport
            provider: main
            entities: [PERSON, CREDIT_CARD]
            miss_rate: 0.01
            false_positive_rate: 0.001
            on_fail: mask
            fail_mode: closed
            error_rate: 0.002
            availability: {mtbf_hours: 50, mttr_minutes: 5}
            latency: {p50_ms: 5, p99_ms: 20}
          - name: app-pii
            kind: pii
            placement: application
            channels: all
            entities: [US_SSN]
            engineering_weeks_per_channel: 1.5
          - name: app-audit
            kind: audit
            placement: application
            stage: audit
            channels: [voice]
            spoken_forms: true
            severity_threshold: 6
            detection_rate: 0.8
            detection_delay: {p50_ms: 1000, p99_ms: 5000}
        faults:
          - kind: provider_degradation
            provider: main
            channel: voice
            start_minutes: 5
            duration_minutes: 10
            error_rate: 0.2
            added_latency_ms: 300
          - kind: guardrail_outage
            guardrail: app-pii
            duration_minutes: 1
        """;

    [Fact]
    public void LoadText_FullScenario_MapsTopLevelAndWorldSections()
    {
        var c = ScenarioLoader.LoadText(Full, "full.yaml");

        Assert.Equal("round-trip", c.Name);
        Assert.Equal("every section once", c.Description);
        Assert.Equal(ulong.MaxValue, c.Seed);
        Assert.Equal(1500, c.Conversations);
        Assert.Equal(2.5, c.Arrivals.RatePerSecond);
        Assert.Equal(30, c.Time.EpochSeconds);
        Assert.Equal(new Dictionary<Channel, double> { [Channel.WebChat] = 0.7, [Channel.Voice] = 0.3 }, c.Channels.Mix);
        Assert.Equal(0.25, c.Channels.SwitchProbability);
        Assert.Equal(1, c.Channels.Matrix[Channel.WebChat][Channel.Voice]);
        Assert.Equal(500, c.Customers.Population);
        Assert.Equal(["en_US", "de"], c.Customers.Locales);
        Assert.Equal((0, 2), (c.Customers.Patience.Min, c.Customers.Patience.Max));
        Assert.Equal((0.1, 0.9), (c.Customers.SwitchPropensity.Min, c.Customers.SwitchPropensity.Max));
        Assert.Equal(new Dictionary<string, double> { ["standard"] = 1 }, c.Customers.Tiers);
        Assert.Equal((1, 4), (c.Conversation.TurnsNeeded.Min, c.Conversation.TurnsNeeded.Max));
        Assert.Equal(8, c.Conversation.MaxTurns);
        Assert.Equal((0.5, 0.1, 0.2), (c.Conversation.PiiRate, c.Conversation.InjectionRate, c.Conversation.AbuseRate));
        Assert.Equal(new Dictionary<string, double> { ["billing"] = 2, ["complaint"] = 1 }, c.Conversation.Intents);
        Assert.Equal((0.3, 0.4), (c.Conversation.FrustrationPerRepeat, c.Conversation.AbandonPerFrustration));
    }

    [Fact]
    public void LoadText_FullScenario_MapsProvidersRoutingAndContext()
    {
        var c = ScenarioLoader.LoadText(Full, "full.yaml");

        var p = c.Providers[0];
        Assert.Equal("main", p.Name);
        Assert.Equal([Channel.WebChat, Channel.Voice], p.Channels);
        Assert.True(p.NativeContext);
        Assert.False(p.AiIntegration);
        Assert.Equal((100, 800), (p.ConnectorLatency.P50Ms, p.ConnectorLatency.P99Ms));
        Assert.Equal((0.02, 0.003), (p.ConnectorErrorRate, p.ErrorRate));
        Assert.Equal((50, 300), (p.Latency.P50Ms, p.Latency.P99Ms));
        Assert.Equal((120, 700), (p.ChannelLatency[Channel.Voice].P50Ms, p.ChannelLatency[Channel.Voice].P99Ms));
        Assert.Equal((100, 15), (p.Availability.MtbfHours, p.Availability.MttrMinutes));
        Assert.Equal(40, p.QuotaPerSecond);
        Assert.Equal([GuardrailKind.Pii, GuardrailKind.Audit], p.NativeGuardrails);
        Assert.Equal("main", c.Routing[Channel.WebChat].Primary);
        Assert.Null(c.Routing[Channel.WebChat].Failover);
        Assert.Equal("spare", c.Routing[Channel.Voice].Failover);
        Assert.Equal(0.95, c.Context.NativeSuccessRate);
        var store = Assert.IsType<ContextStoreConfig>(c.Context.Store);
        Assert.Equal([new ChannelPair(Channel.WebChat, Channel.Voice), new ChannelPair(Channel.Voice, Channel.WebChat)], store.Pairs);
        Assert.False(store.AllPairs);
        Assert.Equal((0.7, 30, 90, 4), (store.SuccessRate, store.Latency.P50Ms, store.Latency.P99Ms, store.EngineeringWeeksPerPair));
    }

    [Fact]
    public void LoadText_FullScenario_MapsAgentsAndMergesPreviousVersionOverDefaults()
    {
        var a = ScenarioLoader.LoadText(Full, "full.yaml").Agents.Single();

        Assert.Equal("bot", a.Name);
        Assert.Equal(["billing", "complaint"], a.Intents);
        Assert.Equal((0.9, 0.01, 0.02, 5), (a.Behaviour.ResolveRate, a.Behaviour.EscalateRate, a.Behaviour.HallucinationRate, a.Behaviour.ContextLossHallucinationMultiplier));
        Assert.Equal((0.1, 0.2, 0.003), (a.Behaviour.PiiEchoRate, a.Behaviour.InjectionComplyRate, a.Behaviour.UnsafeRate));
        Assert.Equal((600, 2000), (a.Latency.P50Ms, a.Latency.P99Ms));
        var g = a.Governance;
        Assert.Equal((3, 7, 45, 20), (g.IncidentBudget, g.FailureBudget, g.WindowMinutes, g.CooldownMinutes));
        Assert.Equal(FallbackKind.PreviousVersion, g.Fallback);
        Assert.Equal(0.5, g.PreviousVersion.ResolveRate);
        Assert.Equal(new GovernanceConfig().PreviousVersion.EscalateRate, g.PreviousVersion.EscalateRate);
    }

    [Fact]
    public void LoadText_FullScenario_MapsGuardrailsAndDefaultsSpokenFormsByPlacement()
    {
        var layers = ScenarioLoader.LoadText(Full, "full.yaml").Guardrails;

        var plat = layers[0];
        Assert.Equal(("plat-pii", GuardrailKind.Pii, Placement.Platform, GuardrailStage.Transport, "main"), (plat.Name, plat.Kind, plat.Placement, plat.Stage, plat.Provider));
        Assert.Equal([PiiEntity.Person, PiiEntity.CreditCard], plat.Entities);
        Assert.True(plat.SpokenForms);
        Assert.Equal((0.01, 0.001, 0.002), (plat.MissRate, plat.FalsePositiveRate, plat.ErrorRate));
        Assert.Equal((OnFailAction.Mask, FailMode.Closed), (plat.OnFail, plat.FailMode));
        Assert.Equal((50, 5), (plat.Availability.MtbfHours, plat.Availability.MttrMinutes));
        Assert.Equal((5, 20), (plat.Latency.P50Ms, plat.Latency.P99Ms));
        var app = layers[1];
        Assert.Equal(ChannelInfo.All, app.Channels);
        Assert.False(app.SpokenForms);
        Assert.Equal(GuardrailStage.Input, app.Stage);
        Assert.Equal(1.5, app.EngineeringWeeksPerChannel);
        var audit = layers[2];
        Assert.True(audit.SpokenForms);
        Assert.Equal((6, 0.8, 1000, 5000), (audit.SeverityThreshold, audit.DetectionRate, audit.DetectionDelay.P50Ms, audit.DetectionDelay.P99Ms));
    }

    [Fact]
    public void LoadText_FullScenario_MapsFaults()
    {
        var faults = ScenarioLoader.LoadText(Full, "full.yaml").Faults;

        Assert.Equal(2, faults.Count);
        var f = faults[0];
        Assert.Equal((FaultKind.ProviderDegradation, "main", Channel.Voice), (f.Kind, f.Provider, f.Channel));
        Assert.Equal((5, 10, 0.2, 300), (f.StartMinutes, f.DurationMinutes, f.ErrorRate, f.AddedLatencyMs));
        Assert.Equal((FaultKind.GuardrailOutage, "app-pii", (Channel?)null), (faults[1].Kind, faults[1].Guardrail, faults[1].Channel));
    }

    [Fact]
    public void LoadText_MinimalScenario_KeepsClassDefaults()
    {
        var c = ScenarioLoader.LoadText(Yaml.Minimal, "tiny.yaml");
        var defaults = new ScenarioConfig();

        Assert.Equal(defaults.Seed, c.Seed);
        Assert.Equal(defaults.Conversations, c.Conversations);
        Assert.Equal(defaults.Arrivals.RatePerSecond, c.Arrivals.RatePerSecond);
        Assert.Equal(defaults.Conversation.Intents, c.Conversation.Intents);
        Assert.Equal(defaults.Customers.Tiers, c.Customers.Tiers);
        Assert.Equal(new ProviderConfig().Latency.P99Ms, c.Providers[0].Latency.P99Ms);
        Assert.Empty(c.Agents[0].Intents);
        Assert.Null(c.Context.Store);
    }

    [Fact]
    public void LoadText_PartialLatency_MergesOverTheDefault()
    {
        var yaml = Yaml.Minimal.Replace("channels: [web_chat]", "channels: [web_chat]\n    latency: {p99_ms: 900}", StringComparison.Ordinal);

        var latency = ScenarioLoader.LoadText(yaml, "t.yaml").Providers[0].Latency;

        Assert.Equal((new ProviderConfig().Latency.P50Ms, 900), (latency.P50Ms, latency.P99Ms));
    }

    [Fact]
    public void ScenarioHash_SameText_IsStableLowerHexSha256()
    {
        var hash = ScenarioLoader.ScenarioHash("abc");

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash);
        Assert.NotEqual(hash, ScenarioLoader.ScenarioHash("abd"));
    }

    [Fact]
    public void ToString_Problem_FormatsFileLineFieldMessage()
    {
        var problem = new ScenarioProblem("a.yaml", 3, "providers[1].error_rate", "must be between 0 and 1, got 2");

        Assert.Equal("a.yaml:3: providers[1].error_rate: must be between 0 and 1, got 2", problem.ToString());
    }
}
