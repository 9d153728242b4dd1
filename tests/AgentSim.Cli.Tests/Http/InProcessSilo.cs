using System.Text.RegularExpressions;

namespace AgentSim.Cli.Tests.Http;

/// <summary><c>agentsim silo</c> run in-process until disposed (cancelled like Ctrl+C); ready once it printed its startup lines.</summary>
public sealed partial class InProcessSilo : IAsyncDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly CancellationTokenSource _stop;
    private Task<int> _run = Task.FromResult(0);

    private InProcessSilo(CancellationToken cancellation) => _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

    /// <summary>Base address of the silo's HTTP endpoint.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>What the silo printed so far.</summary>
    public string Output => _output.ToString();

    /// <summary>Starts <c>agentsim silo</c> with <paramref name="args"/> and waits for its startup lines (at most 60 s).</summary>
    public static async Task<InProcessSilo> StartAsync(string[] args, CancellationToken cancellation)
    {
        var silo = new InProcessSilo(cancellation);
        silo._run = AgentSimCli.RunAsync(["silo", .. args], silo._output, silo._error, interactive: false, silo._stop.Token);
        for (var waited = 0; !silo.Output.Contains("Ctrl+C stops", StringComparison.Ordinal); waited++)
        {
            if (silo._run.IsCompleted || waited > 600)
            {
                await silo.DisposeAsync();
                throw new InvalidOperationException($"agentsim silo did not start:\n{silo.Output}\n{silo._error}");
            }

            await Task.Delay(100, cancellation);
        }

        silo.BaseUri = new Uri(ListeningLine().Match(silo.Output).Groups["url"].Value.TrimEnd('/') + "/");
        return silo;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
    }

    [GeneratedRegex(@"listening on (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
