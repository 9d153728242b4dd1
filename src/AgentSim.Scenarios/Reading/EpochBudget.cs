using AgentSim.Model.Configuration;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reports a scenario whose own conversation count, arrival rate and epoch length would need more than <see cref="RunLimits.MaxEpochs"/> epochs.</summary>
internal static class EpochBudget
{
    private static readonly string[] Inputs = ["conversations", "arrivals", "time", "channels", "conversation"];

    // The field reported: the one most likely to be the mistake, among those the file sets.
    private static readonly string[] Blame = ["arrivals.rate_per_second", "time.epoch_seconds", "conversations", "conversation.max_turns"];

    // When the drain dominates: the turns, then the think times.
    private static readonly string[] DrainBlame = ["conversation.max_turns", "channels.think_seconds", "time.epoch_seconds"];

    /// <summary>Checks the epoch count of a run of the scenario's own <c>conversations</c>; silent when an input already has a problem.</summary>
    public static void Check(ReadContext context, ScenarioConfig config)
    {
        if (Array.Exists(Inputs, context.HasProblemsUnder) || RunLimits.EpochProblem(config, config.Conversations) is not { } problem)
        {
            return;
        }

        var drainDominates = RunLimits.DrainSeconds(config) > config.Conversations / config.Arrivals.RatePerSecond;
        var blame = drainDominates ? Array.Find(DrainBlame, context.Has) : Array.Find(Blame, context.Has);
        context.Report(blame ?? "conversations", problem);
    }
}
