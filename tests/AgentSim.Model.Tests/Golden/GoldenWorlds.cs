using AgentSim.Model.Faults;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Randomness;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Golden;

/// <summary>
/// Worlds for the golden hashes that reach what no preset does: every guardrail kind (topic and rate limit included)
/// with every on-fail action and fail mode, quotas that throttle, and every fault kind, message faults included.
/// Frozen: changing this file changes the golden hashes.
/// </summary>
internal static class GoldenWorlds
{
    // The presets the worlds start from, frozen: a preset added later must not shift them.
    private static readonly string[] Bases =
        ["application-only", "baseline", "defense-in-depth", "no-native-context", "platform-native", "provider-outage", "strict-governance"];

    /// <summary>How many perturbed worlds the golden set holds.</summary>
    public const int Count = 8;

    /// <summary>World <paramref name="index"/> of the golden set.</summary>
    public static ScenarioConfig Build(int index)
    {
        var scenario = Presets.Load(Bases[index % Bases.Length]);
        var rng = new Rng(777, (ulong)index, Purpose.Enterprise);
        scenario.Seed = rng.NextUInt64();
        scenario.Arrivals.RatePerSecond = rng.Uniform(0.5, 10);
        scenario.Channels.SwitchProbability = rng.Uniform(0.05, 0.6);
        scenario.Conversation.PiiRate = rng.Uniform(0.2, 0.9);
        scenario.Conversation.InjectionRate = rng.Uniform(0.02, 0.3);
        scenario.Conversation.AbuseRate = rng.Uniform(0.02, 0.3);
        foreach (var p in scenario.Providers)
        {
            p.ErrorRate = rng.Uniform(0, 0.1);
            p.QuotaPerSecond = rng.Chance(0.6) ? rng.Uniform(0.2, 3) : 0;
        }

        var provider = scenario.Providers[0].Name;
        var kinds = Enum.GetValues<GuardrailKind>();
        var actions = Enum.GetValues<OnFailAction>();
        for (var k = 0; k < kinds.Length; k++)
        {
            var kind = kinds[k];
            var platform = rng.Chance(0.5);
            scenario.Guardrails.Add(new GuardrailConfig
            {
                Name = $"golden-{k}",
                Kind = kind,
                Placement = platform ? Placement.Platform : Placement.Application,
                Provider = platform ? provider : null,
                Stage = kind == GuardrailKind.Audit ? GuardrailStage.Audit : rng.Chance(0.5) ? GuardrailStage.Input : GuardrailStage.Output,
                Channels = [Channel.Voice, Channel.Sms, Channel.WebChat],
                Entities = [PiiEntity.CreditCard, PiiEntity.PhoneNumber, PiiEntity.Person, PiiEntity.EmailAddress],
                SpokenForms = rng.Chance(0.5),
                MissRate = rng.Uniform(0, 0.3),
                FalsePositiveRate = rng.Uniform(0, 0.05),
                SeverityThreshold = rng.Next(8),
                OnFail = actions[(index + k) % actions.Length],
                FailMode = rng.Chance(0.5) ? FailMode.Open : FailMode.Closed,
                ErrorRate = rng.Uniform(0, 0.1),
            });
        }

        foreach (var a in scenario.Agents)
        {
            a.Governance.IncidentBudget = 1 + rng.Next(5);
            a.Governance.Fallback = rng.Chance(0.5) ? FallbackKind.Human : FallbackKind.PreviousVersion;
        }

        var guardrail = scenario.Guardrails[rng.Next(scenario.Guardrails.Count)].Name;
        scenario.Faults.Add(new FaultConfig { Kind = FaultKind.ProviderOutage, Provider = provider, StartMinutes = rng.Uniform(0, 10), DurationMinutes = rng.Uniform(1, 20) });
        scenario.Faults.Add(new FaultConfig { Kind = FaultKind.ProviderDegradation, Provider = provider, StartMinutes = rng.Uniform(0, 10), DurationMinutes = rng.Uniform(1, 30), ErrorRate = rng.Uniform(0, 0.5), AddedLatencyMs = rng.Uniform(0, 5000) });
        scenario.Faults.Add(new FaultConfig { Kind = FaultKind.ContextStoreOutage, StartMinutes = rng.Uniform(0, 10), DurationMinutes = rng.Uniform(1, 30) });
        scenario.Faults.Add(new FaultConfig { Kind = FaultKind.GuardrailOutage, Guardrail = guardrail, StartMinutes = rng.Uniform(0, 10), DurationMinutes = rng.Uniform(1, 30) });
        scenario.Faults.Add(new FaultConfig { Kind = FaultKind.SmsTruncation, Channel = Channel.Sms, StartMinutes = 0, DurationMinutes = 600, Rate = rng.Uniform(0.1, 0.6) });
        scenario.Faults.Add(new FaultConfig { Kind = FaultKind.DuplicateDelivery, Channel = Channel.WhatsApp, StartMinutes = 0, DurationMinutes = 600, Rate = rng.Uniform(0.1, 0.6) });
        scenario.Faults.Add(new FaultConfig { Kind = FaultKind.TranscriptionNoise, Provider = provider, Channel = Channel.Voice, StartMinutes = 0, DurationMinutes = 600, Rate = rng.Uniform(0.1, 0.6) });
        return scenario;
    }
}
