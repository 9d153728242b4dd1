using System.Diagnostics;
using System.Net;

namespace AgentSim.Cli.Tests.Ingress;

/// <summary>
/// The load phenomenon in real time, through the ingress at a small scale: the capacity preset at time scale 40 for
/// 600 simulated seconds (15 wall seconds), started by HTTP POSTs at 2 and at 20 conversations per simulated second
/// (80 and 800 a wall second). Customers reach the desk after a few minutes of turns, its 300 servers fill, and those who
/// then wait leave after the desk's 120 s of patience: 600 simulated seconds leave room for all of it (300 did not, always). The tenfold load overloads the human desk (1 answer a second: 300 servers, 300 s handle
/// time) and omnicx's quota of 30 requests a second, as in virtual time (CapacityTests).
/// </summary>
[Collection(nameof(IngressTests))]
public sealed class RealTimeCapacityTests
{
    private const double TimeScale = 40;
    private static readonly TimeSpan Wall = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task TenTimesTheRateThroughTheIngress_RaisesQueueAbandonmentThrottlingFailoverAndContextLoss()
    {
        var low = await DriveAsync(2);
        var high = await DriveAsync(20);
        var report = $"low {low}{Environment.NewLine}high {high}";

        Assert.True(high.Accepted > 8 * low.Accepted, report);
        Assert.True(high.Throttled > 100 && high.Throttled > 10 * low.Throttled, report);
        Assert.True(high.Failover > 5 * Math.Max(1, low.Failover), report);
        Assert.True(high.ContextLosses > 3 * Math.Max(1, low.ContextLosses), report);
        Assert.True(high.QueueAbandoned > 10 && high.QueueAbandoned > 5 * low.QueueAbandoned, report);
        Assert.True(high.MeanQueueWait > 10 * Math.Max(0.1, low.MeanQueueWait), report);
    }

    private static async Task<Load> DriveAsync(double ratePerSimSecond)
    {
        await using var live = await LiveHost.StartAsync("capacity", TimeScale);
        var ct = TestContext.Current.CancellationToken;
        var spacing = TimeSpan.FromSeconds(1 / (ratePerSimSecond * TimeScale));
        var posts = new List<Task<HttpStatusCode>>();
        var clock = Stopwatch.StartNew();
        for (var n = 0; clock.Elapsed < Wall; n++)
        {
            var due = spacing * n;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, ct);
            }

            posts.Add(PostAsync(live.Http, ct));
        }

        var codes = await Task.WhenAll(posts);
        var answered = await live.MetricAsync("agentsim_queue_wait_seconds_count");
        return new Load(
            codes.Count(c => c == HttpStatusCode.Accepted),
            await live.MetricAsync("agentsim_provider_requests_total", "result", "throttled"),
            await live.MetricAsync("agentsim_turns_total", "provider", "backupcx"),
            await live.MetricAsync("agentsim_context_losses_total"),
            await live.MetricAsync("agentsim_queue_abandoned_total"),
            answered == 0 ? 0 : await live.MetricAsync("agentsim_queue_wait_seconds_sum") / answered);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.PostAsync("/api/conversations", null, ct);
        return response.StatusCode;
    }

    private sealed record Load(int Accepted, double Throttled, double Failover, double ContextLosses, double QueueAbandoned, double MeanQueueWait);
}
