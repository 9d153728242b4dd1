using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentSim.Host.Hosting;

namespace AgentSim.Observability.Tests.Live;

/// <summary>
/// A real <c>prometheus</c> server on a free loopback port, with its own temporary configuration (the repository's
/// prometheus.yml and alerts.yml, pointed at one target and scraping every second) and its own TSDB folder; killed by pid.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private PrometheusProcess(Process process, string directory, Uri baseUri)
    {
        _process = process;
        _directory = directory;
        BaseUri = baseUri;
    }

    /// <summary>The server's base address.</summary>
    public Uri BaseUri { get; }

    /// <summary>Everything the server logged so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Writes the configuration for <paramref name="target"/> (the silo's host:port) and, when given,
    /// <paramref name="loadTarget"/> (the load driver's), starts the server and waits until it is ready.
    /// </summary>
    public static async Task<PrometheusProcess> StartAsync(string target, string? loadTarget = null)
    {
        var directory = Directory.CreateTempSubdirectory("agentsim-prometheus-").FullName;
        File.WriteAllText(Path.Combine(directory, "prometheus.yml"), Configuration(target, loadTarget));
        File.Copy(Path.Combine(RepoPaths.Prometheus, "alerts.yml"), Path.Combine(directory, "alerts.yml"));
        var port = FreePorts.Take(1)[0];
        var start = new ProcessStartInfo(Tools.Prometheus)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[]
        {
            $"--config.file={Path.Combine(directory, "prometheus.yml")}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--log.level=warn",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start prometheus");
        var server = new PrometheusProcess(process, directory, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync();
            return server;
        }
        catch (Exception ex)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"prometheus did not become ready: {ex.Message}{Environment.NewLine}{server.Output}", ex);
        }
    }

    /// <summary>
    /// The repository's prometheus.yml with the silo targets replaced by the one <paramref name="target"/>, the load driver's by
    /// <paramref name="loadTarget"/> (when given), and 1 s scrapes.
    /// </summary>
    public static string Configuration(string target, string? loadTarget = null)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Prometheus, "prometheus.yml"));
        string[] expected = ["\"silo:9464\"", "\"loadtest:9465\"", "scrape_interval: 5s", "scrape_timeout: 4s"];
        foreach (var part in expected)
        {
            Assert.True(text.Contains(part, StringComparison.Ordinal), $"prometheus/prometheus.yml no longer contains {part}; update {nameof(PrometheusProcess)}.");
        }

        // docker-compose's three silos become the one target here.
        return text
            .Replace("\"silo:9464\", \"silo2:9464\", \"silo3:9464\"", "\"silo:9464\"", StringComparison.Ordinal)
            .Replace("\"silo:9464\"", $"\"{target}\"", StringComparison.Ordinal)
            .Replace("\"loadtest:9465\"", $"\"{loadTarget ?? "loadtest:9465"}\"", StringComparison.Ordinal)
            .Replace("scrape_interval: 5s", "scrape_interval: 1s", StringComparison.Ordinal)
            .Replace("evaluation_interval: 5s", "evaluation_interval: 1s", StringComparison.Ordinal)
            .Replace("scrape_timeout: 4s", "scrape_timeout: 1s", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "-/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (deadline.Elapsed > StartTimeout || _process.HasExited)
            {
                throw new TimeoutException("/-/ready never answered 200");
            }

            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
