using System.Text.Json;

namespace AgentSim.Cli.Tests.Commands;

/// <summary><c>agentsim compare</c>: placement variants, several scenarios, sweeps; files a presenter opens; bad input refused.</summary>
public class CompareCommandTests
{
    private static JsonElement Estimate(JsonElement variant, string metric, string what = "estimates") => variant.GetProperty(what).GetProperty(metric);

    [Fact]
    public async Task Compare_OneScenario_RunsItsPlacementVariantsAndWritesEveryFile()
    {
        using var dir = new TempDirectory();
        var result = await Cli.RunAsync("compare", "baseline", "--conversations", "1500", "--replications", "3", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.All);
        foreach (var file in new[] { "results.json", "summary.md", "metrics.csv", "differences.csv", "runs.csv", "report.html", "variants/baseline-platform.yaml", "variants/baseline-none.yaml" })
        {
            Assert.True(File.Exists(dir.Combine(file)), $"{file} missing\n{result.All}");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(dir.Combine("results.json")));
        var root = json.RootElement;
        Assert.Equal("placements", root.GetProperty("kind").GetString());
        Assert.Equal([42UL, 43UL, 44UL], root.GetProperty("seeds").EnumerateArray().Select(s => s.GetUInt64()));
        var variants = root.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(["as-is", "platform", "application", "both", "none"], variants.Select(v => v.GetProperty("name").GetString()));
        Assert.Equal("mixed", variants[0].GetProperty("placement").GetString());
        Assert.Equal("defense-in-depth", variants[3].GetProperty("placement").GetString());

        // Removing every layer: nothing is detected, more incidents reach customers, no guardrail latency, no build effort.
        var none = variants[4];
        Assert.Equal(0, Estimate(none, "detected_share").GetProperty("mean").GetDouble());
        Assert.Equal(0, Estimate(none, "guardrail_latency_mean_ms").GetProperty("mean").GetDouble());
        var moreIncidents = Estimate(none, "incidents_per_1000", "differences_from_baseline");
        Assert.True(moreIncidents.GetProperty("ci95_low").GetDouble() > 0, moreIncidents.ToString());
        // Defense in depth adds latency over platform-only, and application-built layers cost build weeks.
        Assert.True(Estimate(variants[3], "guardrail_latency_mean_ms").GetProperty("mean").GetDouble() > Estimate(variants[1], "guardrail_latency_mean_ms").GetProperty("mean").GetDouble());
        Assert.True(Estimate(variants[2], "guardrail_tax_weeks").GetProperty("mean").GetDouble() > Estimate(variants[0], "guardrail_tax_weeks").GetProperty("mean").GetDouble());
        Assert.Equal(0, Estimate(variants[1], "guardrail_tax_weeks").GetProperty("mean").GetDouble());

        // Every run is in runs.csv: 5 variants × 3 replications.
        Assert.Equal(1 + 15, File.ReadAllLines(dir.Combine("runs.csv")).Length);
        var summary = File.ReadAllText(dir.Combine("summary.md"));
        Assert.Contains("5 variants × 3 replications × 1,500 conversations; seeds 42–44; common random numbers", summary, StringComparison.Ordinal);
        Assert.Contains("Guardrail tax", summary, StringComparison.Ordinal);
        Assert.Contains("± ", summary, StringComparison.Ordinal);
        Assert.Contains("5 variants × 3 replications × 1,500 conversations", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_AScenarioWithItself_ShowsZeroDifferencesWithoutANegativeZero()
    {
        using var dir = new TempDirectory();
        var result = await Cli.RunAsync("compare", "baseline", "baseline", "--conversations", "1000", "--replications", "2", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.All);
        var summary = File.ReadAllText(dir.Combine("summary.md"));
        Assert.Contains("| metric | baseline | baseline (2) |", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("−0.0", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("−0.0", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" * |", summary, StringComparison.Ordinal);
        foreach (var line in File.ReadAllLines(dir.Combine("differences.csv")).Skip(1))
        {
            var cells = line.Split(',');
            Assert.True(cells[^5] == "0" && cells[^4] == "0" && cells[^3] == "0" && cells[^2] == "false", line);
        }

        Assert.Contains("Wrote results.json, metrics.csv, differences.csv, runs.csv, report.html, summary.md to", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_OutageAgainstBaseline_ShowsFailuresOnlyWithoutFailover()
    {
        using var dir = new TempDirectory();
        var result = await Cli.RunAsync("compare", "baseline", "provider-outage", "--conversations", "3000", "--replications", "2", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.All);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.Combine("results.json")));
        var outage = json.RootElement.GetProperty("variants")[1];
        Assert.Equal("provider-outage", outage.GetProperty("name").GetString());
        Assert.True(Estimate(outage, "failed").GetProperty("mean").GetDouble() > 0.05, outage.ToString());
        Assert.True(Estimate(outage, "failed", "differences_from_baseline").GetProperty("ci95_low").GetDouble() > 0);
    }

    [Fact]
    public async Task Compare_SweepOfTheGovernanceBudget_RollbacksFallAsTheBudgetGrows()
    {
        // A smaller incident budget rolls agents back sooner: rollbacks can only fall as the budget grows.
        using var dir = new TempDirectory();
        var result = await Cli.RunAsync("compare", "baseline", "--sweep", "agents.*.governance.incident_budget=3,10,30,100", "--conversations", "5000", "--replications", "3", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.All);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.Combine("results.json")));
        Assert.Equal("sweep", json.RootElement.GetProperty("kind").GetString());
        var variants = json.RootElement.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal([3.0, 10, 30, 100], variants.Select(v => v.GetProperty("x").GetDouble()));
        var rollbacks = variants.Select(v => Estimate(v, "rollbacks_per_1000").GetProperty("mean").GetDouble()).ToList();
        for (var i = 1; i < rollbacks.Count; i++)
        {
            Assert.True(rollbacks[i] <= rollbacks[i - 1], string.Join(", ", rollbacks));
        }

        Assert.True(rollbacks[0] > rollbacks[^1], string.Join(", ", rollbacks));
        // The metrics table has one row per value and metric, x filled in.
        var metrics = File.ReadAllLines(dir.Combine("metrics.csv"));
        Assert.Contains(metrics, l => l.StartsWith("agents.*.governance.incident_budget=3,3,rollbacks_per_1000,", StringComparison.Ordinal));
        Assert.True(File.Exists(dir.Combine("variants", "baseline-agents._.governance.incident_budget_3.yaml")));
    }

    [Theory]
    [InlineData(new[] { "compare", "baseline", "platform-native", "--placements", "platform" }, "--placements varies one scenario")]
    [InlineData(new[] { "compare", "baseline", "--placements", "platform", "--sweep", "seed=1,2" }, "--placements and --sweep are separate experiments")]
    [InlineData(new[] { "compare", "baseline", "--placements", "platform,cloud" }, "unknown variant 'cloud'")]
    [InlineData(new[] { "compare", "baseline", "--sweep", "providers.nope.error_rate=0.1,0.2" }, "no item 'nope' in 'providers' (items: omnicx, backupcx")]
    [InlineData(new[] { "compare", "baseline", "--sweep", "providers.omnicx.error_rate=0.1,2" }, "providers[0].error_rate: must be between 0 and 1, got 2")]
    [InlineData(new[] { "compare", "baseline", "--sweep", "error_rate" }, "expected PATH=V1,V2")]
    [InlineData(new[] { "compare", "baseline", "--replications", "0" }, "--replications must be a whole number from 1 to 1000")]
    [InlineData(new[] { "compare", "baseline", "nope" }, "nope")]
    public async Task Compare_BadInput_ExitsTwoNamingTheProblem(string[] args, string expected)
    {
        using var dir = new TempDirectory();
        var result = await Cli.RunAsync([.. args, "--out", dir.Path]);
        Assert.True(result.ExitCode == 2, result.All);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Compare_SameSeed_WritesTheSameResults()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        Assert.Equal(0, (await Cli.RunAsync("compare", "baseline", "--placements", "application", "--conversations", "800", "--replications", "2", "--parallelism", "1", "--out", a.Path)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("compare", "baseline", "--placements", "application", "--conversations", "800", "--replications", "2", "--parallelism", "2", "--out", b.Path)).ExitCode);
        foreach (var file in new[] { "results.json", "metrics.csv", "runs.csv", "summary.md", "report.html" })
        {
            Assert.True(File.ReadAllText(a.Combine(file)) == File.ReadAllText(b.Combine(file)), file);
        }

    }
}
