using System.Text.Json;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Experiments;

/// <summary>
/// The infrastructure gap: a population of synthetic enterprises, each a variant of a base scenario with the survey's
/// infrastructure gaps drawn at the survey's shares and a guardrail investment drawn independently, each simulated;
/// then how strongly infrastructure quality and guardrail investment each correlate with deployment success.
/// </summary>
public static class GapExperiment
{
    private static readonly JsonSerializerOptions CloneOptions = new() { IncludeFields = false };

    /// <summary>Runs the experiment on a base scenario.</summary>
    public static GapReport Run(ScenarioConfig baseScenario, GapAssumptions assumptions, ulong seed, IProgress<int>? progress = null)
    {
        var results = new Enterprise[assumptions.Enterprises];
        var done = 0;
        Parallel.For(0, assumptions.Enterprises, i =>
        {
            var rng = new Rng(seed, (ulong)i, Purpose.Enterprise);
            var e = new Enterprise
            {
                Index = i,
                Unreliable = rng.Chance(assumptions.UnreliableShare),
                LimitedChannels = rng.Chance(assumptions.LimitedChannelsShare),
                NoAiIntegration = rng.Chance(assumptions.NoAiIntegrationShare),
                CustomContext = rng.Chance(assumptions.CustomContextShare),
                GuardrailInvestment = rng.NextDouble(),
            };
            var scenario = Variant(baseScenario, e, assumptions, SeedHash.Derive(seed, (ulong)i, Purpose.Enterprise));
            var world = World.Compile(scenario);
            var outcome = PlainLoopEngine.Run(world, new RunOptions(assumptions.ConversationsPerEnterprise));
            var r = Results.ResultsBuilder.Build(world, outcome);
            results[i] = e with
            {
                Success = r.OutcomeShares.GetValueOrDefault("resolved"),
                RolledBack = r.Rollbacks.Total > 0,
                IncidentsPerThousand = r.Incidents.PerThousandConversations,
            };
            progress?.Report(Interlocked.Increment(ref done));
        });

        return new GapReport
        {
            Assumptions = assumptions,
            Enterprises = results,
            InfrastructureCorrelation = Pearson(results.Select(e => e.InfrastructureQuality), results.Select(e => e.Success)),
            GuardrailCorrelation = Pearson(results.Select(e => e.GuardrailInvestment), results.Select(e => e.Success)),
            RolledBackShare = results.Count(e => e.RolledBack) / (double)Math.Max(1, results.Length),
        };
    }

    /// <summary>Pearson's correlation coefficient (0 when either series is constant).</summary>
    public static double Pearson(IEnumerable<double> xs, IEnumerable<double> ys)
    {
        var x = xs.ToArray();
        var y = ys.ToArray();
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Builds an enterprise's world from the base scenario.</summary>
    public static ScenarioConfig Variant(ScenarioConfig baseScenario, Enterprise e, GapAssumptions a, ulong seed)
    {
        var s = JsonSerializer.Deserialize<ScenarioConfig>(JsonSerializer.Serialize(baseScenario, CloneOptions), CloneOptions)!;
        s.Seed = seed;
        s.Name = $"enterprise-{e.Index}";
        s.Faults.Clear();
        var primaryName = s.Routing.TryGetValue(Channel.WebChat, out var r) ? r.Primary : s.Providers[0].Name;
        var primary = s.Providers.First(p => p.Name == primaryName);
        if (e.Unreliable)
        {
            primary.ErrorRate = a.UnreliableErrorRate;
            primary.Availability = new AvailabilitySpec { MtbfHours = a.UnreliableMtbfHours, MttrMinutes = a.UnreliableMttrMinutes };
        }

        if (e.NoAiIntegration)
        {
            primary.AiIntegration = false;
        }

        if (e.CustomContext)
        {
            primary.NativeContext = false;
            s.Context.Store = new ContextStoreConfig
            {
                Pairs = [.. ChannelInfo.All.SelectMany(from => ChannelInfo.All.Where(to => to != from).Select(to => new ChannelPair(from, to)))],
                SuccessRate = a.CustomContextSuccessRate,
            };
        }

        if (e.LimitedChannels)
        {
            // Voice and RCS move to a second provider: no native context across the two, no native guardrails there.
            primary.Channels.RemoveAll(c => c is Channel.Voice or Channel.Rcs);
            var second = new ProviderConfig { Name = "second-provider", Channels = [Channel.Voice, Channel.Rcs], NativeContext = false, AiIntegration = false };
            s.Providers.Add(second);
            s.Routing[Channel.Voice] = new RouteConfig { Primary = second.Name };
            s.Routing[Channel.Rcs] = new RouteConfig { Primary = second.Name };
        }

        // Guardrail investment: the team builds application layers on top of whatever the platform offers.
        s.Guardrails.RemoveAll(g => g.Placement == Placement.Application);
        var channels = ChannelInfo.All.Take(1 + (int)Math.Round(e.GuardrailInvestment * (ChannelInfo.Count - 1))).ToList();
        var layers = new List<GuardrailConfig>
        {
            new() { Name = "app-pii-input", Kind = GuardrailKind.Pii, Placement = Placement.Application, Stage = GuardrailStage.Input, OnFail = OnFailAction.Mask, Entities = [.. Enum.GetValues<PiiEntity>()] },
            new() { Name = "app-injection", Kind = GuardrailKind.Injection, Placement = Placement.Application, Stage = GuardrailStage.Input, MissRate = 0.15 },
            new() { Name = "app-groundedness", Kind = GuardrailKind.Groundedness, Placement = Placement.Application, Stage = GuardrailStage.Output, OnFail = OnFailAction.Reask, MissRate = 0.25, Latency = LatencySpec.Of(150, 900) },
            new() { Name = "app-pii-output", Kind = GuardrailKind.Pii, Placement = Placement.Application, Stage = GuardrailStage.Output, OnFail = OnFailAction.Mask, Entities = [.. Enum.GetValues<PiiEntity>()] },
            new() { Name = "app-audit", Kind = GuardrailKind.Audit, Placement = Placement.Application, Stage = GuardrailStage.Audit, DetectionRate = 0.8 },
        };
        var built = (int)Math.Round(e.GuardrailInvestment * layers.Count);
        foreach (var layer in layers.Take(built))
        {
            layer.Channels = channels;
            s.Guardrails.Add(layer);
        }

        // Platform layers exist only on a provider that offers them and still carries the channel.
        s.Guardrails.RemoveAll(g => g.Placement == Placement.Platform && !s.Providers.Any(p => p.Name == g.Provider && p.Offers(g.Kind)));
        return s;
    }
}
