using AgentSim.Model.Randomness;

namespace AgentSim.Model.Engine;

/// <summary>
/// Poisson arrivals by epoch: the count of epoch k is drawn from (seed, k), and each conversation's instant within
/// its epoch from (seed, conversation id) — so any shard can place any conversation without asking anyone.
/// </summary>
public static class ArrivalSchedule
{
    /// <summary>How many conversations arrive in <paramref name="epoch"/>, capped by what remains.</summary>
    public static long CountFor(World world, int epoch, long remaining)
    {
        if (remaining <= 0)
        {
            return 0;
        }

        var rng = new Rng(world.Seed, (ulong)epoch, Purpose.Arrivals);
        var mean = world.Config.Arrivals.RatePerSecond * world.EpochMicros / 1_000_000.0;
        return Math.Min(remaining, rng.Poisson(mean));
    }

    /// <summary>The arrival instant of conversation <paramref name="id"/> in the epoch starting at <paramref name="epochStart"/>.</summary>
    public static long ArrivalMicros(World world, long id, long epochStart)
    {
        var rng = new Rng(world.Seed, (ulong)id, Purpose.ArrivalTime);
        return epochStart + (long)(rng.NextDouble() * world.EpochMicros);
    }
}
