namespace AgentSim.Model.Engine;

/// <summary>Which epoch of simulated time a step is for: its number and its bounds.</summary>
/// <param name="Epoch">Epoch number, from 0.</param>
/// <param name="StartMicros">Start of the epoch, microseconds of simulated time.</param>
/// <param name="EndMicros">End of the epoch (exclusive).</param>
public readonly record struct EpochWindow(int Epoch, long StartMicros, long EndMicros)
{
    /// <summary>The window of epoch <paramref name="epoch"/> in <paramref name="world"/>.</summary>
    public static EpochWindow Of(World world, int epoch)
    {
        var start = epoch * world.EpochMicros;
        return new EpochWindow(epoch, start, start + world.EpochMicros);
    }
}
