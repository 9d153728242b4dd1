namespace AgentSim.Model.Experiments;

/// <summary>Result of the infrastructure-gap experiment: everything results.json holds.</summary>
public sealed record GapReport
{
    /// <summary>The caveat every report carries.</summary>
    public const string CaveatText = "A simulation illustrates a mechanism under stated assumptions; it does not prove the survey's findings. The simulated figures follow from the assumptions listed here, not from the survey's respondents.";

    /// <summary>Definition of deployment success, as printed in every report.</summary>
    public const string SuccessDefinitionText = "Deployment success = weighted mean of five components, each 0..1 (1 best): resolution (share of conversations the AI resolved), trust (1 − incidents that reached customers per 1,000 conversations / the trust-zero level), abandonment (1 − share abandoned), waits (1 − mean human-queue wait / the waits-zero level) and rollbacks (1 − share of the enterprise's agents rolled back within the horizon); weights in the assumptions file.";

    /// <summary>Base scenario every enterprise varies.</summary>
    public required string Scenario { get; init; }

    /// <summary>Experiment seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The assumptions used.</summary>
    public required GapAssumptions Assumptions { get; init; }

    /// <summary>The horizon in simulated hours at the base scenario's arrival rate.</summary>
    public required double HorizonHours { get; init; }

    /// <summary>The caveat.</summary>
    public string Caveat => CaveatText;

    /// <summary>How deployment success is scored.</summary>
    public string SuccessDefinition => SuccessDefinitionText;

    /// <summary>Headline estimates over replications (mean and 95% t interval).</summary>
    public required GapEstimates Estimates { get; init; }

    /// <summary>The survey's figures beside the simulated ones.</summary>
    public required IReadOnlyList<SurveyRow> Survey { get; init; }

    /// <summary>Each replication's own statistics.</summary>
    public required IReadOnlyList<GapReplication> Replications { get; init; }

    /// <summary>Mean success by number of gaps (0..4), over replications.</summary>
    public required IReadOnlyList<GroupEstimate> ByGaps { get; init; }

    /// <summary>Each factor's effect on mean success: mean with it minus mean without it, over replications.</summary>
    public required IReadOnlyList<GroupEstimate> ByFactor { get; init; }

    /// <summary>Sensitivity over horizon length; null unless asked for.</summary>
    public IReadOnlyList<SensitivityRow>? Sensitivity { get; init; }

    /// <summary>Every enterprise of every replication.</summary>
    public required IReadOnlyList<Enterprise> Enterprises { get; init; }
}

/// <summary>A mean over replications with its 95% t interval; null values when undefined (no defined replication, or one only for the bounds).</summary>
/// <param name="Mean">Mean over the replications where the value is defined.</param>
/// <param name="Low">Lower bound of the 95% interval.</param>
/// <param name="High">Upper bound of the 95% interval.</param>
/// <param name="N">Replications where the value is defined.</param>
/// <param name="Undefined">Replications where it is undefined (e.g. r of a constant series).</param>
public sealed record GapEstimate(double? Mean, double? Low, double? High, int N, int Undefined)
{
    /// <summary>Whether there is a value at all.</summary>
    public bool IsDefined => Mean is not null;

    /// <summary>
    /// Mean and t interval of the defined values (NaN = undefined) by <see cref="Statistics.Mean"/>; the interval's
    /// bounds are cut to the quantity's range [<paramref name="min"/>, <paramref name="max"/>] (a share cannot pass 100%).
    /// </summary>
    public static GapEstimate Of(IEnumerable<double> values, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(values);
        var all = values.ToList();
        var defined = all.Where(v => !double.IsNaN(v)).ToList();
        var e = Statistics.Mean(defined);
        return new GapEstimate(Nullable(e.Mean), Nullable(Math.Clamp(e.Low, min, max)), Nullable(Math.Clamp(e.High, min, max)), defined.Count, all.Count - defined.Count);
    }

    /// <summary><see cref="Of"/> for a share or a score in [0, 1].</summary>
    public static GapEstimate OfShare(IEnumerable<double> values) => Of(values, 0, 1);

    /// <summary><see cref="Of"/> for a correlation in [−1, 1].</summary>
    public static GapEstimate OfR(IEnumerable<double> values) => Of(values, -1, 1);

    /// <summary>NaN and infinities as null (JSON has no NaN).</summary>
    public static double? Nullable(double v) => double.IsFinite(v) ? v : null;
}

/// <summary>The headline estimates.</summary>
public sealed record GapEstimates
{
    /// <summary>r(infrastructure quality, success).</summary>
    public required GapEstimate InfrastructureR { get; init; }

    /// <summary>r(guardrail investment, success).</summary>
    public required GapEstimate GuardrailR { get; init; }

    /// <summary>r(infrastructure) − r(guardrail), paired by replication.</summary>
    public required GapEstimate Difference { get; init; }

    /// <summary>Share of enterprises that rolled back an agent at least once within the horizon.</summary>
    public required GapEstimate RolledBackShare { get; init; }

    /// <summary>The same among the most governed (top share of guardrail investment).</summary>
    public required GapEstimate MostGovernedRolledBackShare { get; init; }

    /// <summary>Mean deployment success.</summary>
    public required GapEstimate MeanSuccess { get; init; }

    /// <summary>R² of success on the four gap indicators.</summary>
    public required GapEstimate RSquaredInfrastructure { get; init; }

    /// <summary>R² of success on guardrail investment.</summary>
    public required GapEstimate RSquaredGuardrails { get; init; }

    /// <summary>R² of success on both.</summary>
    public required GapEstimate RSquaredBoth { get; init; }

    /// <summary>Adjusted R² of success on the four gap indicators (chance level removed).</summary>
    public required GapEstimate AdjustedRSquaredInfrastructure { get; init; }

    /// <summary>Adjusted R² of success on guardrail investment.</summary>
    public required GapEstimate AdjustedRSquaredGuardrails { get; init; }

    /// <summary>Adjusted R² of success on both.</summary>
    public required GapEstimate AdjustedRSquaredBoth { get; init; }

    /// <summary>Part only infrastructure explains: R²(both) − R²(guardrails).</summary>
    public required GapEstimate UniqueInfrastructure { get; init; }

    /// <summary>Part only guardrail investment explains: R²(both) − R²(infrastructure).</summary>
    public required GapEstimate UniqueGuardrails { get; init; }

    /// <summary>Part both explain: R²(infrastructure) + R²(guardrails) − R²(both).</summary>
    public required GapEstimate Shared { get; init; }

    /// <summary>Not explained by either: 1 − R²(both).</summary>
    public required GapEstimate Unexplained { get; init; }
}

/// <summary>One replication: its population's statistics.</summary>
public sealed record GapReplication
{
    /// <summary>Replication (0-based).</summary>
    public required int Replication { get; init; }

    /// <summary>The replication's seed (derived from the experiment seed).</summary>
    public required ulong Seed { get; init; }

    /// <summary>r(infrastructure quality, success); null when undefined (a constant series).</summary>
    public required double? InfrastructureR { get; init; }

    /// <summary>Fisher-z 95% interval of <see cref="InfrastructureR"/> for this population alone.</summary>
    public required double? InfrastructureRLow { get; init; }

    /// <summary>Upper bound.</summary>
    public required double? InfrastructureRHigh { get; init; }

    /// <summary>r(guardrail investment, success); null when undefined.</summary>
    public required double? GuardrailR { get; init; }

    /// <summary>Fisher-z 95% interval of <see cref="GuardrailR"/> for this population alone.</summary>
    public required double? GuardrailRLow { get; init; }

    /// <summary>Upper bound.</summary>
    public required double? GuardrailRHigh { get; init; }

    /// <summary>Share rolled back at least once.</summary>
    public required double RolledBackShare { get; init; }

    /// <summary>Share rolled back among the most governed.</summary>
    public required double? MostGovernedRolledBackShare { get; init; }

    /// <summary>How many enterprises count as most governed.</summary>
    public required int MostGoverned { get; init; }

    /// <summary>Mean success.</summary>
    public required double MeanSuccess { get; init; }

    /// <summary>R² on the gap indicators.</summary>
    public required double? RSquaredInfrastructure { get; init; }

    /// <summary>R² on guardrail investment.</summary>
    public required double? RSquaredGuardrails { get; init; }

    /// <summary>R² on both.</summary>
    public required double? RSquaredBoth { get; init; }

    /// <summary>Drawn shares of each gap (unreliable, limited multi-channel, no AI integration, custom context).</summary>
    public required IReadOnlyList<double> DrawnShares { get; init; }
}

/// <summary>A group's mean success (or a factor's difference) over replications.</summary>
/// <param name="Group">What the group is, e.g. <c>2 gaps</c> or <c>unreliable provider</c>.</param>
/// <param name="Enterprises">Enterprises in the group over all replications.</param>
/// <param name="Value">Mean success of the group (by number of gaps) or with − without the factor (by factor).</param>
public sealed record GroupEstimate(string Group, int Enterprises, GapEstimate Value);

/// <summary>One horizon of the sensitivity table.</summary>
/// <param name="HorizonConversations">Conversations per enterprise.</param>
/// <param name="HorizonHours">Simulated hours.</param>
/// <param name="InfrastructureR">r(infrastructure, success).</param>
/// <param name="GuardrailR">r(guardrail investment, success).</param>
/// <param name="RolledBackShare">Share rolled back at least once.</param>
/// <param name="MostGovernedRolledBackShare">The same among the most governed.</param>
/// <param name="MeanSuccess">Mean success.</param>
public sealed record SensitivityRow(int HorizonConversations, double HorizonHours, GapEstimate InfrastructureR, GapEstimate GuardrailR, GapEstimate RolledBackShare, GapEstimate MostGovernedRolledBackShare, GapEstimate MeanSuccess);

/// <summary>A survey figure beside its simulated counterpart.</summary>
/// <param name="Figure">What is measured.</param>
/// <param name="Role"><c>input</c> (the simulation draws it) or <c>outcome</c> (the simulation produces it).</param>
/// <param name="SurveyValue">The survey's number (share 0..1 or r); null when the survey gives none.</param>
/// <param name="SurveyText">The survey's number as the survey states it.</param>
/// <param name="Simulated">The simulated counterpart over replications.</param>
/// <param name="Source">The survey's sentence.</param>
/// <param name="Note">How the two differ in meaning.</param>
public sealed record SurveyRow(string Figure, string Role, double? SurveyValue, string SurveyText, GapEstimate Simulated, string Source, string Note);
