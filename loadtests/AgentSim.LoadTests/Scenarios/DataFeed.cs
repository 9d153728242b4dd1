namespace AgentSim.LoadTests.Scenarios;

/// <summary>
/// A scenario's data feed (NBomber's data feed): what each iteration's conversation asks for. Either weighted
/// <b>mixes</b> of channel, intent and tier, each drawn on its own, or a list of <b>items</b> taken in order
/// (<c>circular</c>) or at random; draws come from a seeded stream, so a seed repeats the sequence.
/// </summary>
public sealed class DataFeed
{
    private readonly (string Value, double Cumulative)[]? _channel;
    private readonly (string Value, double Cumulative)[]? _intent;
    private readonly (string Value, double Cumulative)[]? _tier;
    private readonly IReadOnlyList<FeedItem>? _items;
    private readonly bool _random;

    private DataFeed(IReadOnlyDictionary<string, double>? channel, IReadOnlyDictionary<string, double>? intent, IReadOnlyDictionary<string, double>? tier, IReadOnlyList<FeedItem>? items, bool random)
    {
        _channel = Cumulative(channel);
        _intent = Cumulative(intent);
        _tier = Cumulative(tier);
        _items = items;
        _random = random;
    }

    /// <summary>A feed of weighted mixes (weights need not add up to 1; a missing mix leaves that choice to the silo).</summary>
    public static DataFeed Mix(IReadOnlyDictionary<string, double>? channel = null, IReadOnlyDictionary<string, double>? intent = null, IReadOnlyDictionary<string, double>? tier = null) =>
        new(channel, intent, tier, null, false);

    /// <summary>A feed of items taken in order, wrapping round (<paramref name="random"/> false), or drawn at random.</summary>
    public static DataFeed Items(IReadOnlyList<FeedItem> items, bool random)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        return new DataFeed(null, null, null, items, random);
    }

    /// <summary>Short description for reports.</summary>
    public string Describe() => _items is not null
        ? $"{_items.Count} items, {(_random ? "random" : "circular")}"
        : string.Join("; ", new[] { ("channel", _channel), ("intent", _intent), ("tier", _tier) }
            .Where(m => m.Item2 is not null)
            .Select(m => $"{m.Item1} {string.Join(", ", Shares(m.Item2!))}"));

    /// <summary>A reader of this feed for one scenario, seeded; not thread-safe (one per scheduling thread, or locked).</summary>
    public Reader Open(int seed) => new(this, seed);

    private static IEnumerable<string> Shares((string Value, double Cumulative)[] mix)
    {
        var previous = 0.0;
        foreach (var (value, cumulative) in mix)
        {
            yield return $"{value} {(cumulative - previous) / mix[^1].Cumulative:P0}";
            previous = cumulative;
        }
    }

    private static (string, double)[]? Cumulative(IReadOnlyDictionary<string, double>? weights)
    {
        if (weights is null || weights.Count == 0)
        {
            return null;
        }

        var sum = 0.0;
        return [.. weights.Select(w => (w.Key, sum += w.Value))];
    }

    /// <summary>Reads a feed: one item per iteration.</summary>
    public sealed class Reader
    {
        private readonly DataFeed _feed;
        private readonly Random _random;
        private long _next;

        internal Reader(DataFeed feed, int seed)
        {
            _feed = feed;
            _random = new Random(seed);
        }

        /// <summary>The next iteration's item.</summary>
        public FeedItem Next()
        {
            if (_feed._items is { } items)
            {
                return _feed._random ? items[_random.Next(items.Count)] : items[(int)(_next++ % items.Count)];
            }

            return new FeedItem(Draw(_feed._channel), Draw(_feed._intent), Draw(_feed._tier));
        }

        private string? Draw((string Value, double Cumulative)[]? mix)
        {
            if (mix is null)
            {
                return null;
            }

            var u = _random.NextDouble() * mix[^1].Cumulative;
            foreach (var (value, cumulative) in mix)
            {
                if (u < cumulative)
                {
                    return value;
                }
            }

            return mix[^1].Value;
        }
    }
}
