using System.Globalization;

namespace AgentSim.Model.Experiments;

/// <summary>
/// Every assumption of the infrastructure-gap experiment: the population and its budget, the survey's shares of each
/// infrastructure gap (inputs), what each gap does to the simulated world, what guardrail investment buys, how
/// deployment success is scored, and the horizons of the sensitivity table. Every number can be changed in a file
/// (<c>agentsim gap --assumptions FILE</c>); <see cref="GapAssumptionKeys"/> lists them with their file keys.
/// </summary>
public sealed record GapAssumptions
{
    /// <summary>Enterprises drawn per replication.</summary>
    public int Enterprises { get; init; } = 80;

    /// <summary>Horizon: conversations simulated per enterprise (at the base scenario's arrival rate this is a span of simulated time).</summary>
    public int HorizonConversations { get; init; } = 7200;

    /// <summary>Replications: independent populations and runs (different seeds) over which r and the shares get 95% intervals.</summary>
    public int Replications { get; init; } = 5;

    /// <summary>Share with a provider unreliable for AI at scale (survey input: 42%).</summary>
    public double UnreliableShare { get; init; } = 0.42;

    /// <summary>Share whose provider has limited multi-channel capability (survey input: 37%).</summary>
    public double LimitedChannelsShare { get; init; } = 0.37;

    /// <summary>Share whose provider lacks AI platform integration (survey input: 32%).</summary>
    public double NoAiIntegrationShare { get; init; } = 0.32;

    /// <summary>Share custom-engineering cross-channel context because the platform lacks it (survey input: 55%).</summary>
    public double CustomContextShare { get; init; } = 0.55;

    /// <summary>Per-request error rate of an unreliable primary provider.</summary>
    public double UnreliableErrorRate { get; init; } = 0.03;

    /// <summary>Mean time between outages of an unreliable primary provider, hours.</summary>
    public double UnreliableMtbfHours { get; init; } = 2;

    /// <summary>Mean outage length of an unreliable primary provider, minutes.</summary>
    public double UnreliableMttrMinutes { get; init; } = 10;

    /// <summary>Success rate of the team-built context store that replaces missing native context.</summary>
    public double CustomContextSuccessRate { get; init; } = 0.7;

    /// <summary>Detected incidents per window tolerated at zero guardrail investment (the baseline's moderate policy).</summary>
    public int IncidentBudgetAtNoInvestment { get; init; } = 30;

    /// <summary>Detected incidents per window tolerated at full guardrail investment (the strict-governance preset's policy).</summary>
    public int IncidentBudgetAtFullInvestment { get; init; } = 6;

    /// <summary>Share of enterprises with the highest guardrail investment counted as "most governed" (0.25 = the top quartile).</summary>
    public double MostGovernedShare { get; init; } = 0.25;

    /// <summary>Weight of the resolution component (share of conversations the AI resolved).</summary>
    public double WeightResolution { get; init; } = 0.35;

    /// <summary>Weight of the trust component (incidents that reached customers).</summary>
    public double WeightTrust { get; init; } = 0.25;

    /// <summary>Weight of the abandonment component (share of conversations abandoned).</summary>
    public double WeightAbandonment { get; init; } = 0.15;

    /// <summary>Weight of the waits component (mean wait in the human queues).</summary>
    public double WeightWaits { get; init; } = 0.10;

    /// <summary>Weight of the rollback component (share of the enterprise's agents rolled back at least once).</summary>
    public double WeightRollbacks { get; init; } = 0.15;

    /// <summary>Incidents reaching customers per 1,000 conversations at which the trust component reaches 0.</summary>
    public double TrustZeroIncidentsPerThousand { get; init; } = 50;

    /// <summary>Mean human-queue wait, seconds, at which the waits component reaches 0.</summary>
    public double WaitsZeroSeconds { get; init; } = 300;

    /// <summary>Horizons (conversations per enterprise) of the sensitivity table (<c>--sensitivity</c>).</summary>
    public IReadOnlyList<int> SensitivityHorizons { get; init; } = [1800, 3600, 7200, 14400];

    /// <summary>The problems with these values (empty when they are usable), each naming the file key.</summary>
    public IReadOnlyList<(string Key, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        foreach (var key in GapAssumptionKeys.All)
        {
            var v = key.Get(this);
            if (double.IsNaN(v) || v < key.Min || v > key.Max)
            {
                problems.Add((key.Path, string.Create(CultureInfo.InvariantCulture, $"must be from {key.Min} to {key.Max}, got {v}")));
            }
        }

        if (WeightResolution + WeightTrust + WeightAbandonment + WeightWaits + WeightRollbacks <= 0)
        {
            problems.Add(("success.weights", "at least one weight must be above 0"));
        }

        if (SensitivityHorizons.Count == 0 || SensitivityHorizons.Any(h => h is < 10 or > 10_000_000))
        {
            problems.Add((GapAssumptionKeys.SensitivityPath, "must be a list of 1 or more conversation counts from 10 to 10000000"));
        }

        return problems;
    }
}

/// <summary>One changeable number of <see cref="GapAssumptions"/>: its dotted file key, what it means, its bounds and accessors.</summary>
/// <param name="Path">Dotted key in the assumptions file, e.g. <c>shares.unreliable_provider</c>.</param>
/// <param name="Description">What the number means (the file's comment).</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Integer">Whether the value must be a whole number.</param>
/// <param name="Get">Reads the value.</param>
/// <param name="Set">Returns a copy with the value replaced.</param>
public sealed record GapAssumptionKey(string Path, string Description, double Min, double Max, bool Integer, Func<GapAssumptions, double> Get, Func<GapAssumptions, double, GapAssumptions> Set);

/// <summary>The assumptions file's keys, in file order: the one place the reader, the writer and the report take them from.</summary>
public static class GapAssumptionKeys
{
    /// <summary>Key of the sensitivity horizons list.</summary>
    public const string SensitivityPath = "sensitivity.horizons";

    /// <summary>Every numeric key, in file order.</summary>
    public static IReadOnlyList<GapAssumptionKey> All { get; } =
    [
        new("population.enterprises", "enterprises drawn per replication", 3, 100_000, true, a => a.Enterprises, (a, v) => a with { Enterprises = (int)v }),
        new("population.horizon_conversations", "conversations simulated per enterprise (the horizon; at 1 conversation/s, 3600 = one simulated hour)", 10, 10_000_000, true, a => a.HorizonConversations, (a, v) => a with { HorizonConversations = (int)v }),
        new("population.replications", "independent populations (different seeds) behind each 95% interval", 1, 1000, true, a => a.Replications, (a, v) => a with { Replications = (int)v }),
        new("shares.unreliable_provider", "INPUT (survey 42%): share whose provider is unreliable for AI at scale", 0, 1, false, a => a.UnreliableShare, (a, v) => a with { UnreliableShare = v }),
        new("shares.limited_multichannel", "INPUT (survey 37%): share whose provider has limited multi-channel capability", 0, 1, false, a => a.LimitedChannelsShare, (a, v) => a with { LimitedChannelsShare = v }),
        new("shares.no_ai_integration", "INPUT (survey 32%): share whose provider lacks AI platform integration", 0, 1, false, a => a.NoAiIntegrationShare, (a, v) => a with { NoAiIntegrationShare = v }),
        new("shares.custom_context", "INPUT (survey 55%): share custom-engineering cross-channel context", 0, 1, false, a => a.CustomContextShare, (a, v) => a with { CustomContextShare = v }),
        new("unreliable_provider.error_rate", "per-request error rate of an unreliable primary provider (baseline omnicx: 0.002)", 0, 1, false, a => a.UnreliableErrorRate, (a, v) => a with { UnreliableErrorRate = v }),
        new("unreliable_provider.mtbf_hours", "mean hours between its outages (baseline omnicx: 720)", 0.01, 1_000_000, false, a => a.UnreliableMtbfHours, (a, v) => a with { UnreliableMtbfHours = v }),
        new("unreliable_provider.mttr_minutes", "mean minutes an outage lasts (baseline omnicx: 20)", 0, 100_000, false, a => a.UnreliableMttrMinutes, (a, v) => a with { UnreliableMttrMinutes = v }),
        new("custom_context.store_success_rate", "chance the team-built context store carries context on a switch (native: 0.99)", 0, 1, false, a => a.CustomContextSuccessRate, (a, v) => a with { CustomContextSuccessRate = v }),
        new("guardrail_investment.incident_budget_at_none", "detected incidents per window an agent may cause before rollback, at zero investment", 0, 100_000, true, a => a.IncidentBudgetAtNoInvestment, (a, v) => a with { IncidentBudgetAtNoInvestment = (int)v }),
        new("guardrail_investment.incident_budget_at_full", "the same at full investment (set both equal to keep governance out of the investment)", 0, 100_000, true, a => a.IncidentBudgetAtFullInvestment, (a, v) => a with { IncidentBudgetAtFullInvestment = (int)v }),
        new("guardrail_investment.most_governed_share", "top share of guardrail investment counted as the most governed programs (0.25 = top quartile)", 0.01, 1, false, a => a.MostGovernedShare, (a, v) => a with { MostGovernedShare = v }),
        new("success.weights.resolution", "weight of resolution: share of conversations the AI resolved", 0, 100, false, a => a.WeightResolution, (a, v) => a with { WeightResolution = v }),
        new("success.weights.trust", "weight of trust: 1 - incidents reaching customers per 1,000 / trust_zero_incidents_per_thousand (floored at 0)", 0, 100, false, a => a.WeightTrust, (a, v) => a with { WeightTrust = v }),
        new("success.weights.abandonment", "weight of 1 - share of conversations abandoned", 0, 100, false, a => a.WeightAbandonment, (a, v) => a with { WeightAbandonment = v }),
        new("success.weights.waits", "weight of waits: 1 - mean human-queue wait / waits_zero_seconds (floored at 0)", 0, 100, false, a => a.WeightWaits, (a, v) => a with { WeightWaits = v }),
        new("success.weights.rollbacks", "weight of 1 - share of the enterprise's agents rolled back at least once within the horizon", 0, 100, false, a => a.WeightRollbacks, (a, v) => a with { WeightRollbacks = v }),
        new("success.trust_zero_incidents_per_thousand", "incidents reaching customers per 1,000 conversations at which trust is 0", 0.001, 1000, false, a => a.TrustZeroIncidentsPerThousand, (a, v) => a with { TrustZeroIncidentsPerThousand = v }),
        new("success.waits_zero_seconds", "mean human-queue wait, seconds, at which the waits component is 0", 0.001, 1_000_000, false, a => a.WaitsZeroSeconds, (a, v) => a with { WaitsZeroSeconds = v }),
    ];
}
