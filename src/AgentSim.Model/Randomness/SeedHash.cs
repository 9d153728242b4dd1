namespace AgentSim.Model.Randomness;

/// <summary>Counter-based seed derivation: every random stream is a pure function of (run seed, entity id, purpose).</summary>
public static class SeedHash
{
    /// <summary>SplitMix64 finaliser: a bijective 64-bit mix.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Derives the seed of one stream.</summary>
    public static ulong Derive(ulong runSeed, ulong entity, Purpose purpose) =>
        Mix(Mix(Mix(runSeed) ^ entity) ^ ((ulong)purpose * 0xD1B54A32D192ED03UL));

    /// <summary>Stable 64-bit hash of a name (FNV-1a), for entities identified by name.</summary>
    public static ulong OfName(string name)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in name)
        {
            h ^= c;
            h *= 0x100000001B3UL;
        }

        return h;
    }
}
