using System.Diagnostics;
using System.Globalization;
using AgentSim.Host.Hosting;
using AgentSim.Tests.Shared;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>
/// The built <c>agentsim silo --clustering redis</c> as a child process: HTTP on a port Kestrel picks on 127.0.0.1, silo
/// and gateway ports picked free here, the given cluster id. Ready once /health/ready answers 200 (the silo is Active in
/// the cluster). Stopped with SIGTERM, or killed with <see cref="KillAsync"/> (SIGKILL) or frozen with <see cref="SignalAsync"/>.
/// </summary>
public sealed class ClusterSiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly System.Diagnostics.Process _process;
    private readonly SiloConsole _console;

    private ClusterSiloProcess(System.Diagnostics.Process process, int siloPort, int gatewayPort)
    {
        _process = process;
        _console = new SiloConsole(process);
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>Base address of the silo's HTTP endpoint.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The silo-to-silo port on 127.0.0.1.</summary>
    public int SiloPort { get; }

    /// <summary>The gateway port on 127.0.0.1.</summary>
    public int GatewayPort { get; }

    /// <summary>Process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far.</summary>
    public string Output => _console.Output;

    /// <summary>Starts a silo of cluster <paramref name="clusterId"/> with membership in <paramref name="redis"/>; waits until it is ready.</summary>
    public static Task<ClusterSiloProcess> StartAsync(string redis, string clusterId, CancellationToken cancellation = default) =>
        StartAsync(redis, clusterId, [], cancellation);

    /// <summary>Starts a silo of cluster <paramref name="clusterId"/> with membership in <paramref name="redis"/> and <paramref name="extraArguments"/> (e.g. <c>--scenario</c>); waits until it is ready.</summary>
    public static async Task<ClusterSiloProcess> StartAsync(string redis, string clusterId, IReadOnlyList<string> extraArguments, CancellationToken cancellation = default)
    {
        var (siloPort, gatewayPort) = FreePorts.ForSilo(null, null);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "agentsim.dll"), "silo", "--clustering", "redis", "--redis", redis, "--cluster-id", clusterId,
            "--urls", "http://127.0.0.1:0", "--silo-port", Invariant(siloPort), "--gateway-port", Invariant(gatewayPort),
        ];
        foreach (var argument in args.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var silo = new ClusterSiloProcess(System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet agentsim.dll"), siloPort, gatewayPort);
        try
        {
            silo.BaseUri = await silo._console.WaitReadyAsync(silo._process, StartTimeout, cancellation);
            return silo;
        }
        catch (Exception ex)
        {
            await silo.DisposeAsync();
            throw new InvalidOperationException($"agentsim silo --clustering redis did not become ready: {ex.Message}{Environment.NewLine}{silo.Output}", ex);
        }
    }

    /// <summary>Sends a signal (STOP, CONT, TERM, KILL) to the process by its id.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", Invariant(_process.Id)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Kills the process with SIGKILL (<c>kill -9</c>) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        await SignalAsync("KILL");
        await _process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM (SIGCONT first, in case it is frozen) and waits for the exit; kills it if it hangs.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await SignalAsync("CONT");
                await SignalAsync("TERM");
                using var timeout = new CancellationTokenSource(StopTimeout);
                try
                {
                    await _process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
