using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentSim.Tests.Shared;

/// <summary>
/// What a test's <c>agentsim silo</c> child process writes, and when it is up: both streams captured line by line, the
/// HTTP address from its "listening on" line, then ready once <c>/health/ready</c> answers 200.
/// </summary>
public sealed partial class SiloConsole
{
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts reading both redirected streams of <paramref name="process"/>.</summary>
    public SiloConsole(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote so far.</summary>
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
    /// Waits for the "listening on" line, then until <c>/health/ready</c> answers 200; returns the HTTP base address.
    /// Throws <see cref="TimeoutException"/> past <paramref name="timeout"/> or once <paramref name="process"/> has exited.
    /// </summary>
    public async Task<Uri> WaitReadyAsync(Process process, TimeSpan timeout, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        var deadline = Stopwatch.StartNew();
        var baseUri = await _listening.Task.WaitAsync(timeout, cancellation);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(baseUri, "health/ready"), cancellation);
                if (response.IsSuccessStatusCode)
                {
                    return baseUri;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
            }

            if (deadline.Elapsed > timeout || process.HasExited)
            {
                throw new TimeoutException("/health/ready never answered 200");
            }

            await Task.Delay(200, cancellation);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value.TrimEnd('/') + "/"));
        }
    }

    [GeneratedRegex(@"listening on (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
