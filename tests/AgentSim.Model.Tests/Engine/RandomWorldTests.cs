using AgentSim.Model.Faults;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Randomness;
using AgentSim.Model.Results;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Engine;

/// <summary>Conservation and determinism over many randomly perturbed worlds, faults included.</summary>
public class RandomWorldTests
{
    public static TheoryData<int> Cases => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_RandomWorldWithFaults_ConservesConversationsAndRepeats(int index)
    {
        var scenario = Perturb(index);
        var world = World.Compile(scenario);
        var a = PlainLoopEngine.Run(world, new RunOptions(400, 1), cancellation: TestContext.Current.CancellationToken);
        var b = PlainLoopEngine.Run(World.Compile(Perturb(index)), new RunOptions(400, 3), cancellation: TestContext.Current.CancellationToken);

        var results = ResultsBuilder.Build(world, a);
        Assert.Equal(400, results.Outcomes.Values.Sum());
        Assert.Equal(400, ChannelInfo.All.Sum(a.Tally.Started));
        Assert.Equal(a.Tally.Values, b.Tally.Values);
        Assert.Equal(results.Latency.Values.Sum(l => l.Turns), results.Providers.Values.Sum(p => p["ok"]));
        Assert.InRange(results.Outcomes["failed"], 0, results.Providers.Values.Sum(p => p["error"] + p["throttled"] + p["unavailable"]));
        Assert.Equal(results.Incidents.Total, results.Incidents.ByKind.Values.Sum(k => k.Total));
    }

    private static ScenarioConfig Perturb(int index)
    {
        var names = Presets.Names;
        var scenario = Presets.Load(names[index % names.Count]);
        var rng = new Rng(2026, (ulong)index, Purpose.Enterprise);
        scenario.Seed = rng.NextUInt64();
        scenario.Arrivals.RatePerSecond = rng.Uniform(0.2, 20);
        scenario.Channels.SwitchProbability = rng.Uniform(0, 0.9);
        scenario.Conversation.PiiRate = rng.NextDouble();
        scenario.Conversation.InjectionRate = rng.Uniform(0, 0.3);
        scenario.Conversation.AbuseRate = rng.Uniform(0, 0.3);
        foreach (var p in scenario.Providers)
        {
            p.ErrorRate = rng.Uniform(0, 0.3);
            p.QuotaPerSecond = rng.Chance(0.5) ? rng.Uniform(0.1, 5) : 0;
            p.Availability = new AvailabilitySpec { MtbfHours = rng.Chance(0.5) ? rng.Uniform(0.1, 5) : 0, MttrMinutes = rng.Uniform(1, 60) };
        }

        foreach (var g in scenario.Guardrails)
        {
            g.ErrorRate = rng.Uniform(0, 0.2);
            g.FailMode = rng.Chance(0.5) ? FailMode.Open : FailMode.Closed;
            g.OnFail = (OnFailAction)rng.Next(5);
        }

        foreach (var a in scenario.Agents)
        {
            a.Governance.IncidentBudget = rng.Next(5);
            a.Governance.FailureBudget = rng.Next(5);
            a.Governance.Fallback = rng.Chance(0.5) ? FallbackKind.Human : FallbackKind.PreviousVersion;
        }

        var provider = scenario.Providers[rng.Next(scenario.Providers.Count)].Name;
        scenario.Faults.Add(new FaultConfig { Kind = FaultKind.ProviderOutage, Provider = provider, StartMinutes = rng.Uniform(0, 10), DurationMinutes = rng.Uniform(1, 30) });
        scenario.Faults.Add(new FaultConfig { Kind = FaultKind.ProviderDegradation, Provider = provider, StartMinutes = rng.Uniform(0, 10), DurationMinutes = rng.Uniform(1, 30), ErrorRate = rng.Uniform(0, 0.5), AddedLatencyMs = rng.Uniform(0, 5000) });
        scenario.Faults.Add(new FaultConfig { Kind = FaultKind.ContextStoreOutage, StartMinutes = rng.Uniform(0, 10), DurationMinutes = rng.Uniform(1, 30) });
        if (scenario.Guardrails.Count > 0)
        {
            scenario.Faults.Add(new FaultConfig { Kind = FaultKind.GuardrailOutage, Guardrail = scenario.Guardrails[rng.Next(scenario.Guardrails.Count)].Name, StartMinutes = rng.Uniform(0, 10), DurationMinutes = rng.Uniform(1, 30) });
        }

        return scenario;
    }
}
