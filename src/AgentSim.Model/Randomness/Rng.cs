using System.Runtime.CompilerServices;

namespace AgentSim.Model.Randomness;

/// <summary>
/// A small, fast, seedable generator (xoshiro256**) for one stream. A value type: copy it and you fork the stream,
/// so keep one per entity and pass it by reference.
/// </summary>
public struct Rng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates the stream for (run seed, entity, purpose).</summary>
    public Rng(ulong runSeed, ulong entity, Purpose purpose)
        : this(SeedHash.Derive(runSeed, entity, purpose))
    {
    }

    /// <summary>Creates a stream from a 64-bit seed.</summary>
    public Rng(ulong seed)
    {
        _s0 = SeedHash.Mix(seed);
        _s1 = SeedHash.Mix(_s0 ^ 0x6A09E667F3BCC909UL);
        _s2 = SeedHash.Mix(_s1 ^ 0xBB67AE8584CAA73BUL);
        _s3 = SeedHash.Mix(_s2 ^ 0x3C6EF372FE94F82BUL);
    }

    /// <summary>
    /// The stream's position, four words: saved with a conversation's checkpoint so a survivor silo continues the same
    /// stream (<see cref="FromState"/>). Reading it draws nothing.
    /// </summary>
    public readonly (ulong S0, ulong S1, ulong S2, ulong S3) State => (_s0, _s1, _s2, _s3);

    /// <summary>The stream at a position read from <see cref="State"/>: the next draws are the ones the saved stream would have made.</summary>
    public static Rng FromState((ulong S0, ulong S1, ulong S2, ulong S3) state) =>
        new() { _s0 = state.S0, _s1 = state.S1, _s2 = state.S2, _s3 = state.S3 };

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double p) => p > 0 && (p >= 1 || NextDouble() < p);

    /// <summary>Uniform integer in [0, <paramref name="n"/>).</summary>
    public int Next(int n) => n <= 1 ? 0 : (int)((NextUInt64() >> 33) % (ulong)n);

    /// <summary>Uniform integer in [min, max] inclusive.</summary>
    public int NextInclusive(int min, int max) => max <= min ? min : min + Next(max - min + 1);

    /// <summary>Uniform double in [min, max).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Standard normal (Box–Muller, one value per call).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Poisson with the given mean (Knuth for small means, normal approximation above 64).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 64)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }

        return k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
