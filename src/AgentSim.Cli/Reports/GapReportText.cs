using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentSim.Model.Experiments;
using AgentSim.Model.Results;

namespace AgentSim.Cli.Reports;

/// <summary>results.json, summary.md and the CSV tables of the infrastructure-gap experiment.</summary>
public static class GapReportText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Text used wherever a correlation is undefined (a constant series).</summary>
    public const string Undefined = "undefined";

    /// <summary>The report as JSON (byte-identical for the same inputs and seed).</summary>
    public static string Json(GapReport report) => JsonSerializer.Serialize(report, ResultsJson.Options) + "\n";

    /// <summary>An estimate as <c>mean [low, high]</c> in <paramref name="format"/>; "undefined" without a value, no interval with one replication.</summary>
    public static string Format(GapEstimate e, string format = "F3")
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Mean is not { } mean)
        {
            return e.Undefined > 0 ? $"{Undefined} (a constant series in every replication)" : Undefined;
        }

        var text = mean.ToString(format, C);
        text += e.Low is { } low && e.High is { } high ? $" [{low.ToString(format, C)}, {high.ToString(format, C)}]" : " (one replication: no interval)";
        return e.Undefined > 0 ? $"{text} ({e.Undefined} replication(s) undefined)" : text;
    }

    /// <summary>How an undefined r is explained.</summary>
    public static string UndefinedNote(GapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Estimates.InfrastructureR.Undefined + report.Estimates.GuardrailR.Undefined > 0
            ? "A correlation is undefined when one of its series is constant, e.g. every enterprise has the same infrastructure (every share 0 or 1) or the same success."
            : "";
    }

    /// <summary>What came out, in plain words, from the numbers alone (the same sentences whatever they are).</summary>
    public static string Findings(GapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var e = report.Estimates;
        var sb = new StringBuilder("What came out: ");
        sb.Append(C, $"r(infrastructure quality, success) = {Format(e.InfrastructureR)}; r(guardrail investment, success) = {Format(e.GuardrailR)}. ");
        if (e.Difference.Mean is { } d && e.Difference.Low is { } low && e.Difference.High is { } high)
        {
            sb.Append(low > 0 || high < 0
                ? string.Create(C, $"Infrastructure's r is {(d > 0 ? "larger" : "smaller")} than guardrail investment's by {Format(e.Difference)}; the paired interval excludes 0. ")
                : string.Create(C, $"The paired difference {Format(e.Difference)} includes 0: these replications cannot tell the two apart. "));
        }
        else
        {
            sb.Append("The two r's cannot be compared (one is undefined, or there is a single replication). ");
        }

        sb.Append(C, $"Rolled back at least once within {report.HorizonHours:0.##} h: {Format(e.RolledBackShare, "P1")}; among the most governed: {Format(e.MostGovernedRolledBackShare, "P1")}.");
        return sb.ToString();
    }

    /// <summary>The report as markdown.</summary>
    public static string Markdown(GapReport report, string scenario)
    {
        ArgumentNullException.ThrowIfNull(report);
        var a = report.Assumptions;
        var e = report.Estimates;
        var sb = new StringBuilder();
        sb.Append("# The infrastructure gap\n\n");
        sb.Append("> ").Append(report.Caveat).Append("\n\n");
        sb.Append(C, $"Base scenario `{scenario}`, seed {report.Seed}: {a.Replications} replications × {a.Enterprises} enterprises × {a.HorizonConversations:N0} conversations each ");
        sb.Append(C, $"(the horizon: {report.HorizonHours:0.##} h of simulated time at the scenario's arrival rate). Intervals are 95% t intervals over replications.\n\n");
        sb.Append(report.SuccessDefinition).Append(C, $" Weights: resolution {a.WeightResolution}, trust {a.WeightTrust}, abandonment {a.WeightAbandonment}, waits {a.WeightWaits}, rollbacks {a.WeightRollbacks}; trust is 0 at {a.TrustZeroIncidentsPerThousand} incidents per 1,000, waits at {a.WaitsZeroSeconds} s.\n\n");
        sb.Append(Findings(report)).Append("\n\n");
        sb.Append("## Survey and simulation\n\n| figure | role | survey | simulated | survey's sentence | note |\n| --- | --- | ---: | ---: | --- | --- |\n");
        foreach (var row in report.Survey)
        {
            sb.Append(C, $"| {row.Figure} | {row.Role} | {row.SurveyText} | {Format(row.Simulated, row.Figure.StartsWith("r(", StringComparison.Ordinal) ? "F3" : "P1")} | {row.Source} | {row.Note} |\n");
        }

        sb.Append("\n## Correlations with deployment success\n\n| predictor | r, mean [95% interval] |\n| --- | ---: |\n");
        sb.Append(C, $"| infrastructure quality (share of the four gaps absent) | {Format(e.InfrastructureR)} |\n");
        sb.Append(C, $"| guardrail investment | {Format(e.GuardrailR)} |\n");
        sb.Append(C, $"| difference, paired by replication | {Format(e.Difference)} |\n\n");
        if (UndefinedNote(report) is { Length: > 0 } note)
        {
            sb.Append(note).Append("\n\n");
        }

        sb.Append("## Variance of success explained (R² partition)\n\n| part | R², mean [95% interval] |\n| --- | ---: |\n");
        foreach (var (name, _, value) in Partition(report))
        {
            sb.Append(C, $"| {name} | {Format(value)} |\n");
        }

        sb.Append("\nInfrastructure = the four gap indicators; guardrails = guardrail investment (which also sets the incident budget). Plain R² grows with the number of predictors even without an effect (by about k/(n − 1)); the adjusted rows remove that.\n\n");
        sb.Append("## Mean success by number of gaps\n\nA group's mean is undefined in a replication with no enterprise in it.\n\n| gaps | enterprises | mean success [95% interval] |\n| --- | ---: | ---: |\n");
        foreach (var g in report.ByGaps)
        {
            sb.Append(C, $"| {g.Group} | {g.Enterprises} | {Format(g.Value)} |\n");
        }

        sb.Append("\n## Each factor: mean success with it minus without it\n\n| factor | enterprises with it | difference [95% interval] |\n| --- | ---: | ---: |\n");
        foreach (var g in report.ByFactor)
        {
            sb.Append(C, $"| {g.Group} | {g.Enterprises} | {Format(g.Value)} |\n");
        }

        if (report.Sensitivity is { } sensitivity)
        {
            sb.Append("\n## Sensitivity to the horizon\n\n| conversations | simulated hours | r(infrastructure) | r(guardrails) | rolled back | rolled back, most governed | mean success |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            foreach (var s in sensitivity)
            {
                sb.Append(C, $"| {s.HorizonConversations:N0} | {s.HorizonHours:0.##} | {Format(s.InfrastructureR)} | {Format(s.GuardrailR)} | {Format(s.RolledBackShare, "P1")} | {Format(s.MostGovernedRolledBackShare, "P1")} | {Format(s.MeanSuccess)} |\n");
            }
        }

        sb.Append("\n## Assumptions\n\n");
        foreach (var line in AssumptionLines(a))
        {
            sb.Append("- ").Append(line).Append('\n');
        }

        sb.Append("\nChange any of them in a copy of `scenarios/experiments/gap-assumptions.yaml` and run `agentsim gap --assumptions FILE`; the values used are in `assumptions.yaml` beside this file.\n");
        return sb.ToString();
    }

    /// <summary>The R² partition's rows: a full name for tables, a short one for chart labels, the estimate.</summary>
    public static IReadOnlyList<(string Name, string Short, GapEstimate Value)> Partition(GapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var e = report.Estimates;
        return
        [
            ("infrastructure only (R² of the gap indicators)", "R² infrastructure", e.RSquaredInfrastructure),
            ("guardrails only (R² of guardrail investment)", "R² guardrails", e.RSquaredGuardrails),
            ("both (R² of all five)", "R² both", e.RSquaredBoth),
            ("unique to infrastructure", "unique: infrastructure", e.UniqueInfrastructure),
            ("unique to guardrails", "unique: guardrails", e.UniqueGuardrails),
            ("shared", "shared", e.Shared),
            ("unexplained (1 − R² of both)", "unexplained", e.Unexplained),
            ("adjusted R², infrastructure (4 predictors; chance level removed)", "adjusted: infrastructure", e.AdjustedRSquaredInfrastructure),
            ("adjusted R², guardrails (1 predictor)", "adjusted: guardrails", e.AdjustedRSquaredGuardrails),
            ("adjusted R², both (5 predictors)", "adjusted: both", e.AdjustedRSquaredBoth),
        ];
    }

    /// <summary>Every assumption as one line: key = value — meaning.</summary>
    public static IEnumerable<string> AssumptionLines(GapAssumptions a)
    {
        ArgumentNullException.ThrowIfNull(a);
        foreach (var key in GapAssumptionKeys.All)
        {
            yield return $"{key.Path} = {key.Get(a).ToString("R", C)} — {key.Description}";
        }

        yield return $"{GapAssumptionKeys.SensitivityPath} = [{string.Join(", ", a.SensitivityHorizons.Select(h => h.ToString(C)))}] — horizons of the sensitivity table (--sensitivity)";
        yield return "guardrail investment is drawn uniform 0..1, independent of the gaps: round(investment × 5) of five application layers (PII in, injection, groundedness, PII out, audit), on the first 1 + round(investment × 5) channels; the incident budget moves linearly between the two budgets above";
        yield return $"each gap is drawn independently at its share; limited multi-channel moves {string.Join(" and ", GapExperiment.MovedChannels)} to a copy of the base primary provider (AI integration and native guardrails intact): the one loss is native context across the two providers";
    }

    /// <summary>enterprises.csv: one row per enterprise of every replication.</summary>
    public static string EnterprisesCsv(GapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("replication,index,unreliable_provider,limited_multichannel,no_ai_integration,custom_context,gaps,infrastructure_quality,guardrail_investment,incident_budget,resolved_share,incidents_per_thousand,abandoned_share,mean_wait_seconds,agents_rolled_back_share,rollbacks,rolled_back,resolution,trust,abandonment,waits,rollback_component,success\n");
        foreach (var e in report.Enterprises)
        {
            var i = e.Inputs;
            var s = e.Score;
            sb.Append(C, $"{e.Replication},{e.Index},{B(e.UnreliableProvider)},{B(e.LimitedMultiChannel)},{B(e.NoAiIntegration)},{B(e.CustomContext)},{e.Gaps},{e.InfrastructureQuality:R},{e.GuardrailInvestment:R},{e.IncidentBudget},");
            sb.Append(C, $"{i.ResolvedShare:R},{i.IncidentsPerThousand:R},{i.AbandonedShare:R},{i.MeanWaitSeconds:R},{i.AgentsRolledBackShare:R},{e.Rollbacks},{B(e.RolledBack)},{s.Resolution:R},{s.Trust:R},{s.Abandonment:R},{s.Waits:R},{s.Rollbacks:R},{s.Success:R}\n");
        }

        return sb.ToString();
    }

    /// <summary>survey.csv: the survey's figures beside the simulated ones.</summary>
    public static string SurveyCsv(GapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("figure,role,survey_value,survey_text,simulated_mean,simulated_low,simulated_high,replications,source,note\n");
        foreach (var r in report.Survey)
        {
            sb.Append(C, $"{Q(r.Figure)},{r.Role},{N(r.SurveyValue)},{Q(r.SurveyText)},{N(r.Simulated.Mean)},{N(r.Simulated.Low)},{N(r.Simulated.High)},{r.Simulated.N},{Q(r.Source)},{Q(r.Note)}\n");
        }

        return sb.ToString();
    }

    /// <summary>correlations.csv: each replication's r's (with Fisher-z intervals), rolled-back shares and R², then the estimates over replications.</summary>
    public static string CorrelationsCsv(GapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("replication,seed,r_infrastructure,r_infrastructure_low,r_infrastructure_high,r_guardrails,r_guardrails_low,r_guardrails_high,rolled_back_share,most_governed_rolled_back_share,mean_success,r2_infrastructure,r2_guardrails,r2_both\n");
        foreach (var r in report.Replications)
        {
            sb.Append(C, $"{r.Replication},{r.Seed},{N(r.InfrastructureR)},{N(r.InfrastructureRLow)},{N(r.InfrastructureRHigh)},{N(r.GuardrailR)},{N(r.GuardrailRLow)},{N(r.GuardrailRHigh)},{r.RolledBackShare:R},{N(r.MostGovernedRolledBackShare)},{r.MeanSuccess:R},{N(r.RSquaredInfrastructure)},{N(r.RSquaredGuardrails)},{N(r.RSquaredBoth)}\n");
        }

        var e = report.Estimates;
        foreach (var (name, v) in new (string, GapEstimate)[] { ("r_infrastructure", e.InfrastructureR), ("r_guardrails", e.GuardrailR), ("r_difference", e.Difference), ("rolled_back_share", e.RolledBackShare), ("most_governed_rolled_back_share", e.MostGovernedRolledBackShare), ("mean_success", e.MeanSuccess) })
        {
            sb.Append(C, $"mean_over_replications:{name},,{N(v.Mean)},{N(v.Low)},{N(v.High)},,,,,,,,,\n");
        }

        return sb.ToString();
    }

    /// <summary>sensitivity.csv: the estimates at each horizon.</summary>
    public static string SensitivityCsv(IReadOnlyList<SensitivityRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder("horizon_conversations,horizon_hours,r_infrastructure,r_infrastructure_low,r_infrastructure_high,r_guardrails,r_guardrails_low,r_guardrails_high,rolled_back_share,rolled_back_low,rolled_back_high,most_governed_rolled_back_share,most_governed_low,most_governed_high,mean_success\n");
        foreach (var s in rows)
        {
            sb.Append(C, $"{s.HorizonConversations},{s.HorizonHours:R},{T(s.InfrastructureR)},{T(s.GuardrailR)},{T(s.RolledBackShare)},{T(s.MostGovernedRolledBackShare)},{N(s.MeanSuccess.Mean)}\n");
        }

        return sb.ToString();
    }

    private static string T(GapEstimate e) => $"{N(e.Mean)},{N(e.Low)},{N(e.High)}";

    private static string B(bool b) => b ? "1" : "0";

    private static string N(double? v) => v is { } x ? x.ToString("R", C) : "";

    private static string Q(string s) => $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
