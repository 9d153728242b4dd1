using System.Globalization;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;

namespace AgentSim.Scenarios.Reading;

/// <summary>
/// Bounds that keep every run finite and every scenario file readable: nesting depth, epoch length, arrival rate,
/// conversation count and the number of epochs a run may take. The scenario reader and the command line both use them.
/// </summary>
public static class RunLimits
{
    /// <summary>Deepest nesting of lists and mappings a scenario file may have (scenarios need about five levels).</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>Shortest epoch, in simulated seconds (one millisecond).</summary>
    public const double MinEpochSeconds = 0.001;

    /// <summary>Longest epoch, in simulated seconds (one day).</summary>
    public const double MaxEpochSeconds = 86_400;

    /// <summary>Lowest arrival rate, in conversations per simulated second (about one every eleven days).</summary>
    public const double MinRatePerSecond = 1e-6;

    /// <summary>Most conversations one run may start.</summary>
    public const long MaxConversations = 1_000_000_000;

    /// <summary>Most epochs one run may take (each costs time and memory even when nothing happens in it).</summary>
    public const long MaxEpochs = 1_000_000;

    /// <summary>
    /// About how many epochs a run of <paramref name="conversations"/> takes: (conversations / rate + drain) / epoch length,
    /// where the drain is the longest a conversation lasts after it starts, estimated as max_turns times the longest
    /// mean think time (<c>channels.think_seconds</c>) of a channel customers can use.
    /// </summary>
    public static double Epochs(ScenarioConfig config, long conversations)
    {
        return ((conversations / config.Arrivals.RatePerSecond) + DrainSeconds(config)) / config.Time.EpochSeconds;
    }

    /// <summary>The drain: about how long the last conversations last after they start (max_turns × the longest mean think time of a usable channel).</summary>
    public static double DrainSeconds(ScenarioConfig config) => config.Conversation.MaxTurns * DrainThinkSeconds(config);

    /// <summary>Why a run of <paramref name="conversations"/> would take too many epochs, or null when it would not.</summary>
    public static string? EpochProblem(ScenarioConfig config, long conversations)
    {
        var epochs = Epochs(config, conversations);
        if (epochs <= MaxEpochs)
        {
            return null;
        }

        var arrivals = conversations / config.Arrivals.RatePerSecond;
        var drain = DrainSeconds(config);
        return arrivals >= drain
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{conversations} conversations at {config.Arrivals.RatePerSecond:R} per second in epochs of {config.Time.EpochSeconds:R} s need about {epochs:G3} epochs; the limit is {MaxEpochs:N0} (raise arrivals.rate_per_second or time.epoch_seconds, or run fewer conversations)")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"conversations last up to about {drain:G3} s (conversation.max_turns {config.Conversation.MaxTurns} × {DrainThinkSeconds(config):R} s of mean think time), so epochs of {config.Time.EpochSeconds:R} s need about {epochs:G3} epochs; the limit is {MaxEpochs:N0} (lower conversation.max_turns or channels.think_seconds, or raise time.epoch_seconds)");
    }

    private static double DrainThinkSeconds(ScenarioConfig config)
    {
        var used = config.Channels.Mix.Where(m => m.Value > 0).Select(m => m.Key)
            .Concat(config.Channels.Matrix.Values.SelectMany(row => row.Where(t => t.Value > 0).Select(t => t.Key)));
        return used.Select(c => config.Channels.ThinkSeconds.TryGetValue(c, out var think) ? think : c.DefaultThinkSeconds()).DefaultIfEmpty(0).Max();
    }
}
