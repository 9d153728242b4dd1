using System.Globalization;
using AgentSim.Model.Configuration;
using AgentSim.Scenarios.Reading;

namespace AgentSim.Cli.Validation;

/// <summary>Checks that a run of the conversations given on the command line ends within <see cref="RunLimits.MaxEpochs"/> epochs.</summary>
public static class ConversationBudget
{
    /// <summary>Throws <see cref="CliInputException"/> naming <c>--conversations</c> when the run would need too many epochs; null checks nothing (the file's own count was checked when it was read); <paramref name="label"/> replaces the flag in the message.</summary>
    public static void Check(ScenarioConfig config, long? conversations, string? label = null)
    {
        if (conversations is { } n && RunLimits.EpochProblem(config, n) is { } problem)
        {
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"{label ?? $"--conversations {n}"}: {problem}"));
        }
    }
}
