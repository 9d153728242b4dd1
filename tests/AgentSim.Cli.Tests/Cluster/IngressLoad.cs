using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>
/// Real-time load through the silos' HTTP ingress: every <see cref="Interval"/> one <c>POST /api/conversations</c> to each
/// silo still targeted, side by side; every 202's id is kept with the silo that accepted it. A silo can be dropped
/// (<see cref="Drop"/>) before it is killed, and another added; posts to a silo that fails mid-way are counted, not kept.
/// </summary>
public sealed class IngressLoad : IAsyncDisposable
{
    /// <summary>Time between rounds of posts.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(40);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ConcurrentDictionary<Uri, byte> _targets = new();
    private readonly ConcurrentBag<(long Id, Uri Silo)> _accepted = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _refused;

    /// <summary>Starts posting to <paramref name="silos"/>.</summary>
    public IngressLoad(IEnumerable<Uri> silos)
    {
        foreach (var silo in silos)
        {
            _targets[silo] = 0;
        }

        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Conversations accepted (202), with the silo that accepted each.</summary>
    public IReadOnlyList<(long Id, Uri Silo)> Accepted => [.. _accepted];

    /// <summary>Posts not accepted: refused (503) or failed (the silo going).</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Stops posting to <paramref name="silo"/>.</summary>
    public void Drop(Uri silo) => _targets.TryRemove(silo, out _);

    /// <summary>Starts posting to <paramref name="silo"/> too.</summary>
    public void Add(Uri silo) => _targets[silo] = 0;

    /// <summary>Stops the load and waits for the posts under way.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval);
        var posts = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            posts.RemoveAll(p => p.IsCompleted);
            foreach (var silo in _targets.Keys)
            {
                posts.Add(PostAsync(silo));
            }

            try
            {
                await timer.WaitForNextTickAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(posts);
    }

    private async Task PostAsync(Uri silo)
    {
        try
        {
            using var response = await _http.PostAsync(new Uri(silo, "api/conversations"), null);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
                _accepted.Add((id, silo));
                return;
            }
        }
        catch (HttpRequestException)
        {
        }
        catch (TaskCanceledException)
        {
        }

        Interlocked.Increment(ref _refused);
    }
}
