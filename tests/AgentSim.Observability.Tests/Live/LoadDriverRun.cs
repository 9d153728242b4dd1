using System.Globalization;
using AgentSim.Host.Hosting;
using AgentSim.LoadTests;

namespace AgentSim.Observability.Tests.Live;

/// <summary>
/// The load driver (<c>agentsim-load</c>'s runner, in this process) loading a silo's HTTP ingress at a small rate with
/// its own metrics on a free loopback port (<c>--metrics-port</c>), until disposed.
/// </summary>
public sealed class LoadDriverRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly Task<int> _run;

    private LoadDriverRun(Uri silo, double rate, int port)
    {
        MetricsAuthority = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        string[] args =
        [
            "--target", silo.GetLeftPart(UriPartial.Authority), "--rate", rate.ToString(CultureInfo.InvariantCulture), "--duration", "1h",
            "--metrics-port", port.ToString(CultureInfo.InvariantCulture), "--no-live",
        ];
        _run = Task.Run(() => LoadTestRunner.RunAsync(args, TextWriter.Synchronized(_output), TextWriter.Synchronized(_error), _stop.Token));
    }

    /// <summary>host:port of the driver's <c>/metrics</c>.</summary>
    public string MetricsAuthority { get; }

    /// <summary>The run's exit code once it has ended (it should not before it is disposed), else null.</summary>
    public int? ExitCode => _run.IsCompletedSuccessfully ? _run.Result : null;

    /// <summary>What the driver printed so far.</summary>
    public string Output => $"{_output}{_error}";

    /// <summary>Starts loading <paramref name="silo"/> at <paramref name="rate"/> new conversations a second.</summary>
    public static LoadDriverRun Start(Uri silo, double rate) => new(silo, rate, FreePorts.Take(1)[0]);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // A driver that does not stop in time is left to the process' end.
        }

        _stop.Dispose();
        _output.Dispose();
        _error.Dispose();
    }
}
