using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AgentSim.LoadTests.Targets;

namespace AgentSim.LoadTests.Tests.Targets;

public sealed partial class HeyCountTests
{
    [Fact]
    public async Task Hey_PostsToTheIngress_SiloCountsExactlyTheAcceptedConversations()
    {
        var hey = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "hey")).FirstOrDefault(File.Exists);
        if (hey is null)
        {
            Assert.Skip("hey is not on PATH (apt-get install hey; test.sh installs it)");
        }

        await using var target = await InProcessTarget.StartAsync("baseline", 100, TestContext.Current.CancellationToken);
        var before = await SiloMetrics.SumAsync(target.BaseUri, "agentsim_conversations_started_total");
        var start = new ProcessStartInfo(hey) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-n", "200", "-c", "10", "-m", "POST", new Uri(target.BaseUri, "/api/conversations").ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        var accepted = Status().Matches(output).Where(m => m.Groups["code"].Value == "202").Sum(m => long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        Assert.True(accepted > 0, output);
        var started = await SiloMetrics.AwaitAsync(target.BaseUri, "agentsim_conversations_started_total", before + accepted, TimeSpan.FromSeconds(10));
        Assert.Equal(accepted, started - before);

        // Nothing counted twice: the counter does not move on once every accepted request is in.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(accepted, await SiloMetrics.SumAsync(target.BaseUri, "agentsim_conversations_started_total") - before);
    }

    [GeneratedRegex(@"\[(?<code>\d{3})\]\s+(?<n>\d+) responses")]
    private static partial Regex Status();
}
