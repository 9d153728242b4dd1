using AgentSim.Model.Channels;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using AgentSim.Model.Tallies;

namespace AgentSim.Grains.Tests.Fixtures;

/// <summary>Sums over a tally used by the assertions.</summary>
public static class TallyTotals
{
    /// <summary>Conversations started on any channel.</summary>
    public static long Started(RunTally t) => ChannelInfo.All.Sum(t.Started);

    /// <summary>Conversations ended with any outcome on any channel.</summary>
    public static long Ended(RunTally t) => Enum.GetValues<Outcome>().Sum(o => ChannelInfo.All.Sum(c => t.Ended(o, c)));

    /// <summary>Rollbacks of every agent for every reason.</summary>
    public static long Rollbacks(RunTally t, World world) =>
        world.Agents.Sum(a => Enum.GetValues<RollbackReason>().Sum(r => t.Rollbacks(a.Index, r)));
}
