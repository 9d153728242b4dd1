using System.Diagnostics;
using AgentSim.Tests.Shared;

namespace AgentSim.Observability.Tests.Live;

/// <summary>
/// The built <c>agentsim silo</c> as a child process on 127.0.0.1 (a free HTTP port picked by Kestrel, free Orleans ports,
/// a unique cluster id), generating traffic. Stopped with SIGTERM, killed if it does not stop.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly SiloConsole _console;

    private SiloProcess(Process process)
    {
        _process = process;
        _console = new SiloConsole(process);
    }

    /// <summary>Base address of the silo's HTTP endpoint (metrics, health, dashboard).</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Exit code once stopped, else null.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Everything the process wrote so far.</summary>
    public string Output => _console.Output;

    /// <summary>Starts <c>agentsim silo</c> with <paramref name="arguments"/> after the URL and cluster id, and waits until it is ready.</summary>
    public static Task<SiloProcess> StartAsync(params string[] arguments) => StartAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Starts <c>agentsim silo</c> with <paramref name="environment"/> added to its environment.</summary>
    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        string[] args = [Path.Combine(AppContext.BaseDirectory, "agentsim.dll"), "silo", "--urls", "http://127.0.0.1:0", "--cluster-id", $"obs-test-{Guid.NewGuid():N}", .. arguments];
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        var silo = new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet agentsim.dll"));
        try
        {
            silo.BaseUri = await silo._console.WaitReadyAsync(silo._process, StartTimeout);
            return silo;
        }
        catch (Exception ex)
        {
            await silo.DisposeAsync();
            throw new InvalidOperationException($"agentsim silo did not become ready: {ex.Message}{Environment.NewLine}{silo.Output}", ex);
        }
    }

    /// <summary>Process id.</summary>
    public int Id => _process.Id;

    /// <summary>Sends a signal (STOP, CONT, TERM…) to the process.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM and waits for the process to exit; returns its exit code (kills it and fails if it hangs).</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
                throw new TimeoutException($"agentsim silo did not stop within {StopTimeout} of SIGTERM.{Environment.NewLine}{Output}");
            }
        }

        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (TimeoutException)
        {
            // Killed; a test that cares calls StopAsync itself.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
