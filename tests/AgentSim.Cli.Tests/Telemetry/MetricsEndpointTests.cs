using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Host.Hosting;
using AgentSim.Model;
using AgentSim.Model.Channels;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;
using AgentSim.Scenarios;

namespace AgentSim.Cli.Tests.Telemetry;

// Alone: the exporter listens to every meter named AgentSim in the process, so concurrent runs would add to the counts.
[Collection(nameof(MetricsEndpointTests))]
[CollectionDefinition(nameof(MetricsEndpointTests), DisableParallelization = true)]
public sealed class MetricsEndpointTests
{
    private const string Scenario = "strict-governance";

    // Labels the exporter adds to every AgentSim sample, and the bucket bound of histograms.
    private static readonly string[] ExporterLabels = ["otel_scope_name", "otel_scope_version", "le"];

    private static readonly Dictionary<string, string[]> AllowedLabels = new(StringComparer.Ordinal)
    {
        ["agentsim_conversations_started_total"] = ["channel"],
        ["agentsim_conversations_ended_total"] = ["outcome", "channel"],
        ["agentsim_conversations_abandoned_total"] = ["reason", "channel"],
        ["agentsim_conversations_in_flight"] = [],
        ["agentsim_turns_total"] = ["channel", "provider"],
        ["agentsim_channel_switches_total"] = ["from", "to"],
        ["agentsim_context_losses_total"] = ["from", "to", "continuity"],
        ["agentsim_customer_repeats_total"] = ["channel"],
        ["agentsim_guardrail_checks_total"] = ["guardrail", "kind", "placement", "stage", "result"],
        ["agentsim_incidents_total"] = ["kind", "channel", "detected"],
        ["agentsim_agent_rollbacks_total"] = ["agent", "reason"],
        ["agentsim_agent_rolled_back"] = ["agent"],
        ["agentsim_agent_utilisation"] = ["agent"],
        ["agentsim_agent_busy"] = ["agent"],
        ["agentsim_provider_utilisation"] = ["provider"],
        ["agentsim_provider_requests_total"] = ["provider", "channel", "result"],
        ["agentsim_turn_latency_seconds"] = ["channel", "provider"],
        ["agentsim_guardrail_latency_seconds"] = ["guardrail", "placement"],
        ["agentsim_incident_detection_seconds"] = ["kind"],
        ["agentsim_queue_answered_total"] = ["queue"],
        ["agentsim_queue_abandoned_total"] = ["queue"],
        ["agentsim_queue_waiting"] = ["queue"],
        ["agentsim_queue_busy_servers"] = ["queue"],
        ["agentsim_queue_wait_seconds"] = ["queue"],
    };

    // The real-time clock's own metrics: allowed with these labels, exported only by a silo running the real-time clock (IngressTests and the live panel test read them).
    private static readonly Dictionary<string, string[]> RealTimeLabels = new(StringComparer.Ordinal)
    {
        ["agentsim_arrivals_shed_total"] = ["reason"],
        ["agentsim_realtime_overhead_seconds"] = [],
        ["agentsim_realtime_lag_seconds"] = [],
        ["agentsim_admission_limit"] = [],
        ["agentsim_faults_active"] = ["kind", "scope"],
        ["agentsim_conversations_recovered_total"] = ["result"],
        ["agentsim_ledger_writes_ignored_total"] = ["reason"],
        ["agentsim_conversation_checkpoint_seconds"] = [],
    };

    [Fact]
    public async Task Scrape_AfterAnOrleansRun_ExposesEveryBriefMetricWithBoundedLabelsOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new RunRequest($"metrics-{Guid.NewGuid():N}", Presets.GetText(Scenario), Scenario + ".yaml", null, 10_000, 2);
        var world = WorldCompiler.Compile(request);
        await using var host = await AgentSimHost.StartAsync(new AgentSimHostOptions { MetricsPort = FreePorts.Take(1)[0] }, ct);
        Assert.NotNull(host.MetricsUri);
        Assert.Equal("127.0.0.1", host.MetricsUri.Host);

        await host.RunAsync(request, world, null, ct);
        using var http = new HttpClient();
        var text = await http.GetStringAsync(host.MetricsUri, ct);

        var samples = PrometheusText.Parse(text);
        var agentsim = samples.Where(s => s.Name.StartsWith("agentsim_", StringComparison.Ordinal)).ToList();
        foreach (var name in AllowedLabels.Keys)
        {
            Assert.Contains(agentsim, s => s.Name == name || s.Name == name + "_bucket");
        }

        var allowedValues = AllowedValues(world);
        foreach (var sample in agentsim)
        {
            var family = Family(sample.Name);
            Assert.True(AllowedLabels.TryGetValue(family, out var allowed) || RealTimeLabels.TryGetValue(family, out allowed), $"unexpected metric {sample.Name}");
            foreach (var (label, value) in sample.Labels)
            {
                if (ExporterLabels.Contains(label))
                {
                    continue;
                }

                Assert.True(allowed.Contains(label), $"{sample.Name} has label {label}");
                Assert.True(allowedValues[label].Contains(value), $"{sample.Name}{{{label}=\"{value}\"}} is not in the scenario's bounded set");
            }
        }

        Assert.Contains(samples, s => s.Name.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Name.StartsWith("dotnet_", StringComparison.Ordinal));
        Assert.Equal("0", Assert.Single(agentsim, s => s.Name == "agentsim_conversations_in_flight").Value);
        Assert.Equal("10000", agentsim.Where(s => s.Name == "agentsim_conversations_started_total").Sum(s => long.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        AssertBuckets(agentsim, "agentsim_turn_latency_seconds_bucket", "0.005", "120");
        AssertBuckets(agentsim, "agentsim_guardrail_latency_seconds_bucket", "0.001", "5");
        AssertBuckets(agentsim, "agentsim_incident_detection_seconds_bucket", "1", "86400");
    }

    private static void AssertBuckets(IEnumerable<Sample> samples, string name, string lowest, string highest)
    {
        var bounds = samples.Where(s => s.Name == name).Select(s => s.Labels["le"]).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(lowest, bounds);
        Assert.Contains(highest, bounds);
        Assert.Contains("+Inf", bounds);
    }

    private static string Family(string name)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && AllowedLabels.ContainsKey(name[..^suffix.Length]))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static Dictionary<string, HashSet<string>> AllowedValues(World world)
    {
        var channels = ChannelInfo.All.Select(c => c.Name()).ToHashSet(StringComparer.Ordinal);
        return new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["channel"] = channels,
            ["from"] = channels,
            ["to"] = channels,
            ["provider"] = [.. world.Providers.Select(p => p.Name), "none"],
            ["outcome"] = [.. Enum.GetValues<Outcome>().Select(o => o.Name())],
            ["continuity"] = [.. Enum.GetValues<Continuity>().Select(c => c.Name())],
            ["guardrail"] = [.. world.Guardrails.Select(g => g.Name)],
            ["kind"] = [.. Enum.GetValues<GuardrailKind>().Select(k => k.Name()), .. Enum.GetValues<IncidentKind>().Select(k => k.Name())],
            ["placement"] = [.. Enum.GetValues<Placement>().Select(p => p.Name())],
            ["stage"] = [.. Enum.GetValues<GuardrailStage>().Select(s => s.Name())],
            ["result"] = [.. Enum.GetValues<CheckResult>().Select(r => r.Name()), .. Enum.GetValues<ProviderResult>().Select(r => r.Name()), "resumed", "failed"],
            ["detected"] = ["true", "false"],
            ["agent"] = [.. world.Agents.Select(a => a.Name)],
            ["reason"] = [.. Enum.GetValues<RollbackReason>().Select(r => r.Name()), .. Enum.GetValues<AbandonReason>().Select(r => r.Name()), "admission", "lag", "duplicate", "stale", "unreachable"],
            ["queue"] = [.. world.Queues.Select(q => q.Name)],
        };
    }
}
