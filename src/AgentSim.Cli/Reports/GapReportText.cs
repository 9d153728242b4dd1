using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentSim.Model.Experiments;
using AgentSim.Model.Results;

namespace AgentSim.Cli.Reports;

/// <summary>gap.json and gap.md for the infrastructure-gap experiment.</summary>
public static class GapReportText
{
    /// <summary>Mean success by number of infrastructure gaps.</summary>
    public static IEnumerable<(int Gaps, int Count, double MeanSuccess)> ByGaps(GapReport report) =>
        report.Enterprises
            .GroupBy(e => (int)Math.Round((1 - e.InfrastructureQuality) * 4))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), g.Average(e => e.Success)));

    /// <summary>The report as JSON (deterministic for the same inputs).</summary>
    public static string Json(GapReport report) => JsonSerializer.Serialize(report, ResultsJson.Options) + "\n";

    /// <summary>The report as markdown.</summary>
    public static string Markdown(GapReport report, string scenario)
    {
        var a = report.Assumptions;
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append("# The infrastructure gap\n\n");
        sb.Append(c, $"Base scenario: `{scenario}`; {report.Enterprises.Count} enterprises × {a.ConversationsPerEnterprise} conversations.\n\n");
        sb.Append("| predictor | r with deployment success |\n| --- | ---: |\n");
        sb.Append(c, $"| infrastructure quality | {report.InfrastructureCorrelation:F3} |\n");
        sb.Append(c, $"| guardrail investment | {report.GuardrailCorrelation:F3} |\n\n");
        sb.Append("| infrastructure gaps | enterprises | mean success |\n| ---: | ---: | ---: |\n");
        foreach (var g in ByGaps(report))
        {
            sb.Append(c, $"| {g.Gaps} | {g.Count} | {g.MeanSuccess:P1} |\n");
        }

        sb.Append(c, $"\nEnterprises that rolled an agent back: {report.RolledBackShare:P0}.\n\n");
        sb.Append("Assumptions (change them with the command's options):\n\n");
        sb.Append(c, $"- unreliable provider: {a.UnreliableShare:P0} of enterprises (error rate {a.UnreliableErrorRate:P0}, an outage every {a.UnreliableMtbfHours} h for {a.UnreliableMttrMinutes} min on average)\n");
        sb.Append(c, $"- limited channels: {a.LimitedChannelsShare:P0} (voice and RCS on a second provider, no native context across)\n");
        sb.Append(c, $"- no AI integration: {a.NoAiIntegrationShare:P0} (team-built connector: latency and errors)\n");
        sb.Append(c, $"- custom context: {a.CustomContextShare:P0} (no native context; a team-built store, {a.CustomContextSuccessRate:P0} success)\n");
        sb.Append("- guardrail investment: uniform 0..1, the share of five application layers built and of channels covered\n\n");
        sb.Append(c, $"{report.Caveat}\n");
        return sb.ToString();
    }
}
