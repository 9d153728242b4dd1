using System.Globalization;
using System.Runtime.CompilerServices;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Randomness;
using AgentSim.Model.Text;
using Bogus;

namespace AgentSim.Model.Customers;

/// <summary>
/// Makes customers from (run seed, customer id): Bogus fakers are built once per locale and re-seeded per customer
/// (never through the global <c>Randomizer.Seed</c>), so a customer is the same whoever asks and in whatever order.
/// Factories of one world (same seed, customers config and channel mix) share the profiles they made, so each
/// customer of a population that fits the cache is made once per run, not once per shard.
/// Not thread-safe: one factory per shard (the shared profiles are).
/// </summary>
public sealed class CustomerFactory
{
    private static readonly ConditionalWeakTable<WeightedTable, SharedPopulation> Populations = new();

    private readonly ulong _seed;
    private readonly CustomersConfig _config;
    private readonly WeightedTable _channelMix;
    private readonly WeightedTable _tiers;
    private readonly string[] _tierNames;
    private readonly Dictionary<string, Faker> _fakers = new(StringComparer.Ordinal);
    private readonly Dictionary<long, CustomerProfile> _cache = [];
    private readonly int _cacheLimit;
    private readonly CustomerProfile?[]? _shared;

    /// <summary>Creates a factory for a run.</summary>
    public CustomerFactory(ulong seed, CustomersConfig config, WeightedTable channelMix, int cacheLimit = 200_000)
    {
        _seed = seed;
        _config = config;
        _channelMix = channelMix;
        _tierNames = [.. config.Tiers.Keys];
        _tiers = new WeightedTable([.. config.Tiers.Values]);
        _cacheLimit = cacheLimit;
        if (config.Population > 0 && config.Population <= cacheLimit)
        {
            var population = Populations.GetValue(channelMix, _ => new SharedPopulation(seed, config));
            if (population.Seed == seed && ReferenceEquals(population.Config, config))
            {
                _shared = population.Profiles;
            }
        }
    }

    /// <summary>Returns the customer with this id (cached).</summary>
    public CustomerProfile Get(long id)
    {
        if (_shared is not null && (ulong)id < (ulong)_shared.Length)
        {
            return Volatile.Read(ref _shared[id]) ?? Interlocked.CompareExchange(ref _shared[id], Create(id), null) ?? _shared[id]!;
        }

        if (_cache.TryGetValue(id, out var profile))
        {
            return profile;
        }

        profile = Create(id);
        if (_cache.Count >= _cacheLimit)
        {
            _cache.Clear();
        }

        _cache[id] = profile;
        return profile;
    }

    /// <summary>Creates the customer with this id.</summary>
    public CustomerProfile Create(long id)
    {
        var rng = new Rng(_seed, (ulong)id, Purpose.Customer);
        var locale = _config.Locales.Count == 0 ? "en_US" : _config.Locales[rng.Next(_config.Locales.Count)];
        var channel = _channelMix.Sample(ref rng);
        var tier = _tiers.Sample(ref rng);
        var propensity = rng.Uniform(_config.SwitchPropensity.Min, _config.SwitchPropensity.Max);
        var patience = rng.NextInclusive((int)_config.Patience.Min, (int)_config.Patience.Max);

        if (!_fakers.TryGetValue(locale, out var faker))
        {
            faker = new Faker(locale);
            _fakers[locale] = faker;
        }

        var random = new LocalRandomizer((int)(SeedHash.Derive(_seed, (ulong)id, Purpose.CustomerProfile) & 0x7FFFFFFF));
        faker.Random = random;
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        var pii = new string[8];
        pii[(int)PiiEntity.Person] = first + " " + last;
        pii[(int)PiiEntity.EmailAddress] = faker.Internet.Email(first, last).ToLowerInvariant();
        pii[(int)PiiEntity.PhoneNumber] = ReplaceNumbers(random, "+1 ### ### ####");
        pii[(int)PiiEntity.CreditCard] = Card(random);
        pii[(int)PiiEntity.IbanCode] = ReplaceNumbers(random, "DE## #### #### #### #### ##");
        pii[(int)PiiEntity.UsSsn] = ReplaceNumbers(random, "###-##-####");
        pii[(int)PiiEntity.Location] = random.Between(1, 999) + " " + faker.Address.StreetName();
        pii[(int)PiiEntity.IpAddress] = string.Create(CultureInfo.InvariantCulture, $"{random.Between(1, 255)}.{random.Between(0, 255)}.{random.Between(0, 255)}.{random.Between(0, 255)}");

        return new CustomerProfile
        {
            Id = id,
            Locale = locale,
            Tier = tier < 0 ? "standard" : _tierNames[tier],
            PreferredChannel = channel < 0 ? Channel.WebChat : (Channel)channel,
            SwitchPropensity = propensity,
            Patience = patience,
            Pii = pii,
        };
    }

    /// <summary>What Bogus's <c>Randomizer.ReplaceNumbers</c> gives (one <c>Number(9)</c> per '#', in order), in one allocation.</summary>
    private static string ReplaceNumbers(LocalRandomizer random, string format) =>
        string.Create(format.Length, (random, format), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.format[i];
                span[i] = c == '#' ? (char)('0' + state.random.Between(0, 9)) : c;
            }
        });

    /// <summary>A Visa-like number: '4', 14 drawn digits and the Luhn check digit, written in groups of four.</summary>
    private static string Card(LocalRandomizer random)
    {
        Span<char> digits = stackalloc char[16];
        digits[0] = '4';
        for (var i = 1; i < 15; i++)
        {
            digits[i] = (char)('0' + random.Between(0, 9));
        }

        digits[15] = (char)('0' + Luhn.CheckDigit(digits[..15]));
        Span<char> written = stackalloc char[19];
        for (int i = 0, j = 0; i < 16; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                written[j++] = ' ';
            }

            written[j++] = digits[i];
        }

        return new string(written);
    }

    /// <summary>
    /// A Bogus randomizer with its own seed whose <see cref="Between"/> draws what <c>Number(min, max)</c> draws without
    /// taking Bogus's process-wide lock (which only guards the global seed), so shards making customers do not contend.
    /// Used by one factory, so by one thread at a time.
    /// </summary>
    private sealed class LocalRandomizer(int seed) : Randomizer(seed)
    {
        /// <summary>Uniform in [min, max] inclusive, exactly as <c>Randomizer.Number(min, max)</c> for max below <see cref="int.MaxValue"/>.</summary>
        public int Between(int min, int max) => localSeed.Next(min, max + 1);
    }

    private sealed class SharedPopulation(ulong seed, CustomersConfig config)
    {
        public ulong Seed { get; } = seed;

        public CustomersConfig Config { get; } = config;

        public CustomerProfile?[] Profiles { get; } = new CustomerProfile?[config.Population];
    }
}
