using System.Globalization;
using AgentSim.Host.Hosting;
using StackExchange.Redis;

namespace AgentSim.Cli.Validation;

/// <summary>Checks a <c>--redis</c> value: its form (<c>HOST:PORT</c>, optionally followed by StackExchange.Redis options) and, just before use, that the server answers.</summary>
public static class RedisServer
{
    /// <summary>How long the reachability check waits for the server to answer.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The address part of <paramref name="value"/> (<c>HOST:PORT</c>), for messages: options after it, such as a password, are left out.</summary>
    public static string Display(string value) => value.Split(',', 2)[0].Trim();

    /// <summary>Why <paramref name="value"/> is not a Redis address (<c>HOST:PORT</c>), or null when it is one.</summary>
    public static string? FormProblem(string value)
    {
        var first = value.Split(',', 2)[0].Trim();
        var colon = first.LastIndexOf(':');
        if (first.Length == 0 || colon <= 0 || colon == first.Length - 1)
        {
            return $"'{value}' is not HOST:PORT (e.g. 127.0.0.1:6379)";
        }

        var port = first[(colon + 1)..];
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            return $"'{value}': the port '{port}' is not a whole number from 1 to 65535";
        }

        try
        {
            _ = ConfigurationOptions.Parse(value);
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"'{value}' is not a Redis address: {ex.Message}";
        }
    }

    /// <summary>Throws <see cref="CliInputException"/> naming <paramref name="label"/> and the address when the Redis server at <paramref name="value"/> does not answer a PING.</summary>
    public static async Task CheckReachableAsync(string value, string label, CancellationToken cancellation)
    {
        var options = ClusterTuning.RedisConfiguration(value);
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 0;
        options.ConnectTimeout = (int)AnswerTimeout.TotalMilliseconds;
        options.SyncTimeout = (int)AnswerTimeout.TotalMilliseconds;
        options.AsyncTimeout = (int)AnswerTimeout.TotalMilliseconds;
        string? problem = null;
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(AnswerTimeout * 2, cancellation);
            await connection.GetDatabase().PingAsync().WaitAsync(AnswerTimeout, cancellation);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or System.Net.Sockets.SocketException)
        {
            problem = ex.Message.Split('\n', 2)[0].Trim();
        }

        if (problem is not null)
        {
            throw new CliInputException([$"{label}: no Redis server answers at {Display(value)} ({problem}); start one (redis-server --port PORT) or give the right HOST:PORT"]);
        }
    }
}
