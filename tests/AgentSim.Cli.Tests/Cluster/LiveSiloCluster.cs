using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>
/// A Redis server of its own and three <c>agentsim silo --clustering redis --scenario baseline --clock real --rate 0</c>
/// processes on 127.0.0.1 (conversations from their HTTP ingress only, at <see cref="TimeScale"/>), with a cluster id
/// unique to this instance; more silos can join (<see cref="AddSiloAsync"/>); everything stopped by process id on dispose.
/// The scenario is the baseline preset with customers who answer within <see cref="ThinkSeconds"/> on every channel
/// (the preset's e-mail customers think for an hour, which would keep a test waiting for its last outcomes) and a
/// human queue of <see cref="QueueServers"/> people and <see cref="PatienceSeconds"/> of patience, so customers are
/// waiting in it when a silo is lost (they are re-queued on a survivor) and leave it within seconds.
/// </summary>
public sealed class LiveSiloCluster : IAsyncDisposable
{
    /// <summary>People answering the human queue: few, so customers wait in it (and some are waiting when a silo is lost).</summary>
    public const int QueueServers = 3;

    /// <summary>Mean patience of a waiting customer, simulated seconds: short, so the queue drains within seconds.</summary>
    public const int PatienceSeconds = 120;

    /// <summary>Simulated seconds per wall second: a baseline conversation lasts a few wall seconds.</summary>
    public const int TimeScale = 50;

    /// <summary>Mean customer think time between turns on every channel, simulated seconds.</summary>
    public const int ThinkSeconds = 20;

    private readonly List<ClusterSiloProcess> _silos = [];
    private readonly TempDirectory _directory = new();
    private readonly string _scenario;

    private LiveSiloCluster(RedisServerProcess redis)
    {
        Redis = redis;
        Membership = new RedisMembership(redis.Address, ClusterId);
        var think = string.Join(", ", new[] { "web_chat", "whatsapp", "sms", "voice", "email", "rcs" }.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c}: {ThinkSeconds}")));
        var text = AgentSim.Scenarios.Presets.GetText("baseline");
        text = Edit(text, "\nchannels:\n", $"\nchannels:\n  think_seconds: {{{think}}}\n");
        text = Edit(text, "    servers: 150\n", $"    servers: {QueueServers}\n");
        text = Edit(text, "    patience: {mean_seconds: 600, by_channel: {voice: 180, web_chat: 300}}\n", $"    patience: {{mean_seconds: {PatienceSeconds}}}\n");

        _scenario = _directory.Combine("baseline-quick.yaml");
        File.WriteAllText(_scenario, text);
    }

    /// <summary>The Redis server holding membership, grain state and the conversation ledger.</summary>
    public RedisServerProcess Redis { get; }

    /// <summary>The cluster id.</summary>
    public string ClusterId { get; } = $"live-loss-{Guid.NewGuid():N}";

    /// <summary>The silo processes, in the order they were started.</summary>
    public IReadOnlyList<ClusterSiloProcess> Silos => _silos;

    /// <summary>The membership table in Redis.</summary>
    public RedisMembership Membership { get; }

    /// <summary>Starts Redis and <paramref name="silos"/> silos side by side; waits until all are ready.</summary>
    public static async Task<LiveSiloCluster> StartAsync(int silos = 3)
    {
        var cluster = new LiveSiloCluster(await RedisServerProcess.StartAsync());
        try
        {
            var starts = Enumerable.Range(0, silos).Select(_ => cluster.StartSiloAsync()).ToArray();
            try
            {
                await Task.WhenAll(starts);
            }
            finally
            {
                cluster._silos.AddRange(starts.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts one more silo of the cluster (a restart: a new process, a new silo address) and waits until it is ready.</summary>
    public async Task<ClusterSiloProcess> AddSiloAsync()
    {
        var silo = await StartSiloAsync();
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Stops the silos (SIGTERM, side by side), then Redis.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_silos.Select(s => s.DisposeAsync().AsTask()));
            await Membership.DisposeAsync();
        }
        finally
        {
            await Redis.DisposeAsync();
            _directory.Dispose();
        }
    }

    private static string Edit(string text, string from, string to) =>
        text.Contains(from, StringComparison.Ordinal)
            ? text.Replace(from, to, StringComparison.Ordinal)
            : throw new InvalidOperationException($"the baseline preset no longer has '{from.Trim()}' to change");

    private Task<ClusterSiloProcess> StartSiloAsync() => ClusterSiloProcess.StartAsync(Redis.Address, ClusterId,
        ["--scenario", _scenario, "--clock", "real", "--rate", "0", "--time-scale", TimeScale.ToString(CultureInfo.InvariantCulture)]);
}

/// <summary>The cluster's ledger totals as <c>GET /api/cluster/conversations</c> answers them.</summary>
public sealed record LedgerSnapshot(long Started, long InFlight, IReadOnlyDictionary<string, long> Outcomes, long Duplicates, long Stale, long Takeovers, long Resumed, long Failed, IReadOnlyList<TakeoverEntry> Recent)
{
    /// <summary>Reads the totals from a silo's HTTP endpoint; null when it does not answer 200.</summary>
    public static async Task<LedgerSnapshot?> ReadAsync(HttpClient http, Uri silo, CancellationToken cancellation)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(silo, "api/cluster/conversations"), cancellation);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation)).RootElement;
            var takeovers = root.GetProperty("takeovers");
            return new LedgerSnapshot(
                root.GetProperty("started").GetInt64(),
                root.GetProperty("in_flight").GetInt64(),
                root.GetProperty("outcomes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()),
                root.GetProperty("duplicate_writes_ignored").GetInt64(),
                root.GetProperty("stale_writes_ignored").GetInt64(),
                takeovers.GetProperty("count").GetInt64(),
                takeovers.GetProperty("resumed").GetInt64(),
                takeovers.GetProperty("failed").GetInt64(),
                [.. takeovers.GetProperty("recent").EnumerateArray().Select(t => new TakeoverEntry(
                    t.GetProperty("silo").GetString()!,
                    t.GetProperty("by").GetString()!,
                    t.GetProperty("kind").GetString()!,
                    t.GetProperty("resumed").GetInt32(),
                    t.GetProperty("requeued").GetInt32(),
                    t.GetProperty("failed").GetInt32(),
                    t.GetProperty("failed_because").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32())))]);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Conversations ended, all outcomes.</summary>
    public long Ended => Outcomes.Values.Sum();

    /// <summary>One line for the test output.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"started {Started}, in flight {InFlight}, {string.Join(", ", Outcomes.Select(o => $"{o.Key} {o.Value}"))}; takeovers {Takeovers} (resumed {Resumed}, failed {Failed}); ignored writes: duplicate {Duplicates}, stale {Stale}");
}

/// <summary>One takeover in the ledger's log.</summary>
public sealed record TakeoverEntry(string Silo, string By, string Kind, int Resumed, int Requeued, int Failed, IReadOnlyDictionary<string, int> FailedBecause)
{
    /// <summary>The silo-to-silo port of the silo taken over (its address is <c>127.0.0.1:PORT@GENERATION</c>).</summary>
    public int SiloPort => int.Parse(Silo[(Silo.IndexOf(':', StringComparison.Ordinal) + 1)..Silo.IndexOf('@', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
}
