using System.Globalization;
using System.Text.Json;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Experiments;

/// <summary>Progress of the gap experiment: one report per finished replication.</summary>
/// <param name="Stage"><c>main</c> or <c>sensitivity</c>.</param>
/// <param name="Replication">Replications finished in this stage.</param>
/// <param name="Replications">Replications in this stage.</param>
/// <param name="HorizonConversations">Horizon of this stage.</param>
/// <param name="Replicate">The finished replication's statistics.</param>
public sealed record GapProgress(string Stage, int Replication, int Replications, int HorizonConversations, GapReplication Replicate);

/// <summary>
/// The infrastructure gap: populations of synthetic enterprises, each a variant of a base scenario with each of the
/// survey's four infrastructure gaps drawn independently at the survey's share and a guardrail investment drawn
/// independently of them, each simulated over a stated horizon; then how strongly infrastructure quality and guardrail
/// investment each correlate with a composite deployment success, with 95% intervals over replications.
/// </summary>
public static class GapExperiment
{

    /// <summary>Name of the second provider an enterprise with limited multi-channel capability adds for voice and RCS.</summary>
    public const string SecondProvider = "second-provider";

    /// <summary>Channels the primary provider of an enterprise with limited multi-channel capability does not carry.</summary>
    public static IReadOnlyList<Channel> MovedChannels { get; } = [Channel.Voice, Channel.Rcs];

    /// <summary>
    /// Runs the experiment on a base scenario; with <paramref name="sensitivity"/> also the horizons of the sensitivity
    /// table. <paramref name="parallelism"/> caps how many enterprises run at once (default: every core); it never
    /// changes the results.
    /// </summary>
    public static GapReport Run(ScenarioConfig baseScenario, GapAssumptions assumptions, ulong seed, IProgress<GapProgress>? progress = null, bool sensitivity = false, string? scenarioName = null, int? parallelism = null, CancellationToken cancellation = default) =>
        RunAsync(baseScenario, assumptions, seed, progress, sensitivity, scenarioName, parallelism, null, cancellation).GetAwaiter().GetResult();

    /// <summary>Runs one enterprise's scenario in this process: compiled here, on the plain loop with one shard.</summary>
    public static Task<ExperimentRun> InProcess(ScenarioConfig scenario, long conversations, CancellationToken cancellation)
    {
        var world = World.Compile(scenario);
        return Task.FromResult(new ExperimentRun(world, PlainLoopEngine.Run(world, new RunOptions(conversations), cancellation: cancellation)));
    }

    /// <summary>
    /// <see cref="Run"/>, each enterprise's run through <paramref name="runOne"/> (null: <see cref="InProcess"/>; a cluster
    /// runner sends the enterprise's configuration to the silos). Where the runs happen never changes the results.
    /// </summary>
    public static async Task<GapReport> RunAsync(ScenarioConfig baseScenario, GapAssumptions assumptions, ulong seed, IProgress<GapProgress>? progress = null, bool sensitivity = false, string? scenarioName = null, int? parallelism = null, GapRunner? runOne = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(baseScenario);
        ArgumentNullException.ThrowIfNull(assumptions);
        if (assumptions.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems.Select(p => $"{p.Key}: {p.Message}")), nameof(assumptions));
        }

        var a = assumptions;
        runOne ??= InProcess;
        var main = await SimulateAsync(baseScenario, a, seed, a.HorizonConversations, "main", progress, parallelism, runOne, cancellation);
        var replications = main.Select((e, r) => Summarise(e, a, r, ReplicationSeed(seed, r))).ToList();
        var all = main.SelectMany(e => e).ToList();
        List<SensitivityRow>? rows = null;
        if (sensitivity)
        {
            rows = [];
            foreach (var h in a.SensitivityHorizons.Distinct().Order())
            {
                var populations = h == a.HorizonConversations ? main : await SimulateAsync(baseScenario, a, seed, h, "sensitivity", progress, parallelism, runOne, cancellation);
                var reps = populations.Select((e, r) => Summarise(e, a, r, ReplicationSeed(seed, r))).ToList();
                rows.Add(new SensitivityRow(
                    h,
                    Hours(baseScenario, h),
                    GapEstimate.OfR(reps.Select(r => r.InfrastructureR ?? double.NaN)),
                    GapEstimate.OfR(reps.Select(r => r.GuardrailR ?? double.NaN)),
                    GapEstimate.OfShare(reps.Select(r => r.RolledBackShare)),
                    GapEstimate.OfShare(reps.Select(r => r.MostGovernedRolledBackShare ?? double.NaN)),
                    GapEstimate.OfShare(reps.Select(r => r.MeanSuccess))));
            }
        }

        var estimates = Estimates(replications, a.Enterprises);
        return new GapReport
        {
            Scenario = scenarioName ?? baseScenario.Name,
            Seed = seed,
            Assumptions = a,
            HorizonHours = Hours(baseScenario, a.HorizonConversations),
            Estimates = estimates,
            Survey = SurveyFigures.Rows(estimates, replications),
            Replications = replications,
            ByGaps = ByGaps(main),
            ByFactor = ByFactor(main, a),
            Sensitivity = rows,
            Enterprises = all,
        };
    }

    /// <summary>Simulated hours a horizon of <paramref name="conversations"/> covers at the scenario's arrival rate.</summary>
    public static double Hours(ScenarioConfig scenario, int conversations)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Arrivals.RatePerSecond > 0 ? conversations / scenario.Arrivals.RatePerSecond / 3600 : double.NaN;
    }

    /// <summary>The seed of replication <paramref name="replication"/>.</summary>
    public static ulong ReplicationSeed(ulong seed, int replication) => SeedHash.Derive(seed, (1UL << 48) + (uint)replication, Purpose.Enterprise);

    /// <summary>Draws enterprise <paramref name="index"/> of a replication: each gap independently at its share, guardrail investment uniform 0..1.</summary>
    public static Enterprise Draw(GapAssumptions a, ulong replicationSeed, int replication, int index)
    {
        ArgumentNullException.ThrowIfNull(a);
        var rng = new Rng(replicationSeed, (ulong)index, Purpose.Enterprise);
        // One uniform per factor whatever the shares, so changing one share leaves every other draw as it was.
        var unreliable = rng.NextDouble() < a.UnreliableShare;
        var limited = rng.NextDouble() < a.LimitedChannelsShare;
        var noAi = rng.NextDouble() < a.NoAiIntegrationShare;
        var custom = rng.NextDouble() < a.CustomContextShare;
        var investment = rng.NextDouble();
        return new Enterprise
        {
            Replication = replication,
            Index = index,
            UnreliableProvider = unreliable,
            LimitedMultiChannel = limited,
            NoAiIntegration = noAi,
            CustomContext = custom,
            GuardrailInvestment = investment,
            IncidentBudget = (int)Math.Round(a.IncidentBudgetAtNoInvestment + (investment * (a.IncidentBudgetAtFullInvestment - a.IncidentBudgetAtNoInvestment)), MidpointRounding.AwayFromZero),
        };
    }

    /// <summary>Simulates one enterprise over <paramref name="horizon"/> conversations in this process and scores it.</summary>
    public static Enterprise Simulate(ScenarioConfig baseScenario, Enterprise e, GapAssumptions a, ulong replicationSeed, int horizon) =>
        SimulateAsync(baseScenario, e, a, replicationSeed, horizon, InProcess, CancellationToken.None).GetAwaiter().GetResult();

    private static async Task<Enterprise> SimulateAsync(ScenarioConfig baseScenario, Enterprise e, GapAssumptions a, ulong replicationSeed, int horizon, GapRunner runOne, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(e);
        var scenario = Variant(baseScenario, e, a, SeedHash.Derive(replicationSeed, (1UL << 40) + (uint)e.Index, Purpose.Enterprise));
        var (world, outcome) = await runOne(scenario, horizon, cancellation);
        var results = Results.ResultsBuilder.Build(world, outcome);
        var inputs = SuccessInputs.From(results);
        return e with { Inputs = inputs, Score = SuccessComposite.Score(inputs, a), Rollbacks = results.Rollbacks.Total };
    }

    private static async Task<List<Enterprise[]>> SimulateAsync(ScenarioConfig baseScenario, GapAssumptions a, ulong seed, int horizon, string stage, IProgress<GapProgress>? progress, int? parallelism, GapRunner runOne, CancellationToken cancellation)
    {
        var populations = new List<Enterprise[]>();
        for (var r = 0; r < a.Replications; r++)
        {
            var repSeed = ReplicationSeed(seed, r);
            var population = new Enterprise[a.Enterprises];
            var replication = r;
            await Parallel.ForEachAsync(
                Enumerable.Range(0, a.Enterprises),
                new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount },
                async (i, ct) => population[i] = await SimulateAsync(baseScenario, Draw(a, repSeed, replication, i), a, repSeed, horizon, runOne, ct));
            populations.Add(population);
            progress?.Report(new GapProgress(stage, r + 1, a.Replications, horizon, Summarise(population, a, r, repSeed)));
        }

        return populations;
    }

    /// <summary>One replication's statistics: the two r's with Fisher intervals, rolled-back shares, the R² partition's parts.</summary>
    public static GapReplication Summarise(IReadOnlyList<Enterprise> population, GapAssumptions a, int replication, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(a);
        var n = population.Count;
        var y = population.Select(e => e.Success).ToList();
        var infra = population.Select(e => e.InfrastructureQuality).ToList();
        var guard = population.Select(e => e.GuardrailInvestment).ToList();
        var rInfra = Statistics.Pearson(infra, y);
        var rGuard = Statistics.Pearson(guard, y);
        var (iLow, iHigh) = Statistics.FisherInterval(rInfra, n);
        var (gLow, gHigh) = Statistics.FisherInterval(rGuard, n);
        var governed = MostGoverned(population, a);
        var gaps = GapColumns(population);
        return new GapReplication
        {
            Replication = replication,
            Seed = seed,
            InfrastructureR = GapEstimate.Nullable(rInfra),
            InfrastructureRLow = GapEstimate.Nullable(iLow),
            InfrastructureRHigh = GapEstimate.Nullable(iHigh),
            GuardrailR = GapEstimate.Nullable(rGuard),
            GuardrailRLow = GapEstimate.Nullable(gLow),
            GuardrailRHigh = GapEstimate.Nullable(gHigh),
            RolledBackShare = n == 0 ? 0 : population.Count(e => e.RolledBack) / (double)n,
            MostGovernedRolledBackShare = governed.Count == 0 ? null : governed.Count(e => e.RolledBack) / (double)governed.Count,
            MostGoverned = governed.Count,
            MeanSuccess = n == 0 ? double.NaN : y.Average(),
            RSquaredInfrastructure = GapEstimate.Nullable(Statistics.RSquared(gaps, y)),
            RSquaredGuardrails = GapEstimate.Nullable(Statistics.RSquared([guard], y)),
            RSquaredBoth = GapEstimate.Nullable(Statistics.RSquared([.. gaps, guard], y)),
            DrawnShares = [.. gaps.Select(c => n == 0 ? 0 : c.Average())],
        };
    }

    /// <summary>The most governed: the top <see cref="GapAssumptions.MostGovernedShare"/> of the population by guardrail investment (at least one).</summary>
    public static IReadOnlyList<Enterprise> MostGoverned(IReadOnlyList<Enterprise> population, GapAssumptions a)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(a);
        var take = population.Count == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(a.MostGovernedShare * population.Count));
        return [.. population.OrderByDescending(e => e.GuardrailInvestment).ThenBy(e => e.Index).Take(take)];
    }

    private static List<IReadOnlyList<double>> GapColumns(IReadOnlyList<Enterprise> p) =>
    [
        [.. p.Select(e => e.UnreliableProvider ? 1.0 : 0)],
        [.. p.Select(e => e.LimitedMultiChannel ? 1.0 : 0)],
        [.. p.Select(e => e.NoAiIntegration ? 1.0 : 0)],
        [.. p.Select(e => e.CustomContext ? 1.0 : 0)],
    ];

    private static GapEstimates Estimates(IReadOnlyList<GapReplication> reps, int n)
    {
        static double V(double? v) => v ?? double.NaN;
        return new GapEstimates
        {
            InfrastructureR = GapEstimate.OfR(reps.Select(r => V(r.InfrastructureR))),
            GuardrailR = GapEstimate.OfR(reps.Select(r => V(r.GuardrailR))),
            Difference = GapEstimate.Of(reps.Select(r => V(r.InfrastructureR) - V(r.GuardrailR))),
            RolledBackShare = GapEstimate.OfShare(reps.Select(r => r.RolledBackShare)),
            MostGovernedRolledBackShare = GapEstimate.OfShare(reps.Select(r => V(r.MostGovernedRolledBackShare))),
            MeanSuccess = GapEstimate.OfShare(reps.Select(r => r.MeanSuccess)),
            RSquaredInfrastructure = GapEstimate.OfShare(reps.Select(r => V(r.RSquaredInfrastructure))),
            RSquaredGuardrails = GapEstimate.OfShare(reps.Select(r => V(r.RSquaredGuardrails))),
            RSquaredBoth = GapEstimate.OfShare(reps.Select(r => V(r.RSquaredBoth))),
            AdjustedRSquaredInfrastructure = GapEstimate.Of(reps.Select(r => Statistics.AdjustedRSquared(V(r.RSquaredInfrastructure), n, 4))),
            AdjustedRSquaredGuardrails = GapEstimate.Of(reps.Select(r => Statistics.AdjustedRSquared(V(r.RSquaredGuardrails), n, 1))),
            AdjustedRSquaredBoth = GapEstimate.Of(reps.Select(r => Statistics.AdjustedRSquared(V(r.RSquaredBoth), n, 5))),
            UniqueInfrastructure = GapEstimate.Of(reps.Select(r => V(r.RSquaredBoth) - V(r.RSquaredGuardrails))),
            UniqueGuardrails = GapEstimate.Of(reps.Select(r => V(r.RSquaredBoth) - V(r.RSquaredInfrastructure))),
            Shared = GapEstimate.Of(reps.Select(r => V(r.RSquaredInfrastructure) + V(r.RSquaredGuardrails) - V(r.RSquaredBoth))),
            Unexplained = GapEstimate.Of(reps.Select(r => 1 - V(r.RSquaredBoth))),
        };
    }

    private static List<GroupEstimate> ByGaps(List<Enterprise[]> populations)
    {
        var rows = new List<GroupEstimate>();
        for (var g = 0; g <= 4; g++)
        {
            var gaps = g;
            var count = populations.Sum(p => p.Count(e => e.Gaps == gaps));
            var means = populations.Select(p => p.Where(e => e.Gaps == gaps).Select(e => e.Success).DefaultIfEmpty(double.NaN).Average());
            rows.Add(new GroupEstimate(gaps == 1 ? "1 gap" : $"{gaps} gaps", count, GapEstimate.OfShare(means)));
        }

        return rows;
    }

    private static List<GroupEstimate> ByFactor(List<Enterprise[]> populations, GapAssumptions a)
    {
        var factors = new (string Name, Func<Enterprise[], Func<Enterprise, bool>> Has)[]
        {
            ("unreliable provider", _ => e => e.UnreliableProvider),
            ("limited multi-channel", _ => e => e.LimitedMultiChannel),
            ("no AI platform integration", _ => e => e.NoAiIntegration),
            ("custom-engineered context", _ => e => e.CustomContext),
            (string.Create(CultureInfo.InvariantCulture, $"most governed (top {a.MostGovernedShare:P0})"), p => { var top = MostGoverned(p, a).Select(e => e.Index).ToHashSet(); return e => top.Contains(e.Index); }),
        };
        return [.. factors.Select(f =>
        {
            var count = populations.Sum(p => p.Count(f.Has(p)));
            var diffs = populations.Select(p =>
            {
                var has = f.Has(p);
                var with = p.Where(has).Select(e => e.Success).DefaultIfEmpty(double.NaN).Average();
                var without = p.Where(e => !has(e)).Select(e => e.Success).DefaultIfEmpty(double.NaN).Average();
                return with - without;
            });
            return new GroupEstimate(f.Name, count, GapEstimate.Of(diffs));
        })];
    }

    /// <summary>
    /// Builds an enterprise's world from the base scenario. Each gap changes one thing and nothing else: an unreliable
    /// primary provider (error rate, outages); limited multi-channel (voice and RCS move to a second provider, a copy of
    /// the base primary with its AI integration and native guardrails, so the only loss is native context across the
    /// two); no AI integration (the primary's team-built connector); custom context (no native context on the primary, a
    /// team-built store for every pair). Guardrail investment builds application layers and sets the incident budget.
    /// </summary>
    public static ScenarioConfig Variant(ScenarioConfig baseScenario, Enterprise e, GapAssumptions a, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(baseScenario);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(a);
        var s = Clone(baseScenario);
        s.Seed = seed;
        s.Name = $"enterprise-{e.Replication}-{e.Index}";
        s.Faults.Clear();
        var primaryName = s.Routing.TryGetValue(Channel.WebChat, out var r) ? r.Primary : s.Providers[0].Name;
        var primary = s.Providers.First(p => p.Name == primaryName);

        if (e.LimitedMultiChannel)
        {
            // Copied before any other gap touches the primary: the second provider is a good provider for its channels.
            var second = Clone(primary);
            second.Name = SecondProvider;
            second.Channels = [.. MovedChannels];
            primary.Channels.RemoveAll(MovedChannels.Contains);
            s.Providers.Add(second);
            foreach (var channel in MovedChannels)
            {
                var failover = s.Routing.TryGetValue(channel, out var route) ? route.Failover : null;
                s.Routing[channel] = new RouteConfig { Primary = second.Name, Failover = failover };
            }

            foreach (var layer in s.Guardrails.Where(g => g.Placement == Placement.Platform && g.Provider == primary.Name).ToList())
            {
                var copy = Clone(layer);
                copy.Name = $"{layer.Name}-{SecondProvider}";
                copy.Provider = SecondProvider;
                s.Guardrails.Add(copy);
            }
        }

        if (e.UnreliableProvider)
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
                Latency = s.Context.Store?.Latency ?? LatencySpec.Of(40, 250),
            };
        }

        // Guardrail investment: the team builds application layers on top of whatever the platform offers, on the first
        // channels, and runs a stricter governance policy.
        s.Guardrails.RemoveAll(g => g.Placement == Placement.Application);
        var channels = ChannelInfo.All.Take(1 + (int)Math.Round(e.GuardrailInvestment * (ChannelInfo.Count - 1), MidpointRounding.AwayFromZero)).ToList();
        var layers = new List<GuardrailConfig>
        {
            new() { Name = "app-pii-input", Kind = GuardrailKind.Pii, Placement = Placement.Application, Stage = GuardrailStage.Input, OnFail = OnFailAction.Mask, Entities = [.. Enum.GetValues<PiiEntity>()] },
            new() { Name = "app-injection", Kind = GuardrailKind.Injection, Placement = Placement.Application, Stage = GuardrailStage.Input, MissRate = 0.15 },
            new() { Name = "app-groundedness", Kind = GuardrailKind.Groundedness, Placement = Placement.Application, Stage = GuardrailStage.Output, OnFail = OnFailAction.Reask, MissRate = 0.25, Latency = LatencySpec.Of(150, 900) },
            new() { Name = "app-pii-output", Kind = GuardrailKind.Pii, Placement = Placement.Application, Stage = GuardrailStage.Output, OnFail = OnFailAction.Mask, Entities = [.. Enum.GetValues<PiiEntity>()] },
            new() { Name = "app-audit", Kind = GuardrailKind.Audit, Placement = Placement.Application, Stage = GuardrailStage.Audit, DetectionRate = 0.8 },
        };
        var built = (int)Math.Round(e.GuardrailInvestment * layers.Count, MidpointRounding.AwayFromZero);
        foreach (var layer in layers.Take(built))
        {
            layer.Channels = channels;
            s.Guardrails.Add(layer);
        }

        foreach (var agent in s.Agents)
        {
            agent.Governance.IncidentBudget = e.IncidentBudget;
        }

        // Platform layers exist only on a provider that offers them.
        s.Guardrails.RemoveAll(g => g.Placement == Placement.Platform && !s.Providers.Any(p => p.Name == g.Provider && p.Offers(g.Kind)));
        return s;
    }

    // The same options as ScenarioConfigJson, by which an enterprise's scenario travels to a cluster.
    private static readonly JsonSerializerOptions CloneOptions = new() { IncludeFields = false };

    private static T Clone<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, CloneOptions), CloneOptions)!;
}

/// <summary>
/// Runs one enterprise's scenario (seed included) for <paramref name="conversations"/> conversations wherever it runs
/// (this process, a cluster) and returns the world it compiled to here and the run's totals; the results must not
/// depend on where.
/// </summary>
/// <param name="scenario">The enterprise's validated scenario.</param>
/// <param name="conversations">Conversations in the run (the horizon).</param>
/// <param name="cancellation">Stops the run.</param>
public delegate Task<ExperimentRun> GapRunner(ScenarioConfig scenario, long conversations, CancellationToken cancellation);
