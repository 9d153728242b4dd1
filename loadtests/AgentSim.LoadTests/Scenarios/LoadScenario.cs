using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Targets;

namespace AgentSim.LoadTests.Scenarios;

/// <summary>
/// A load scenario (NBomber's scenario): a named workflow of <paramref name="Steps"/> each iteration runs in order (a failed
/// step ends the iteration as failed), with its load simulations, an optional data feed, and optional init and clean
/// actions run before the load starts and after it ends. When scenarios carry a <paramref name="Weight"/> they share the
/// plan's load simulations and each arrival (or each closed-model iteration) picks one scenario with probability
/// proportional to its weight (NBomber's scenario weight); without weights each scenario runs its own simulations,
/// all at once.
/// </summary>
/// <param name="Name">Shown in reports and, bounded by the config, as a metric label.</param>
/// <param name="Steps">The steps of one iteration; at least one.</param>
/// <param name="Simulations">The scenario's load simulations (empty when it takes the plan's shared ones by weight).</param>
/// <param name="Feed">What each iteration's conversation asks for, or null to leave it to the silo.</param>
/// <param name="Weight">Relative share of the shared load, or null.</param>
public sealed record LoadScenario(string Name, IReadOnlyList<LoadStep> Steps, IReadOnlyList<LoadSimulation> Simulations, DataFeed? Feed = null, double? Weight = null)
{
    /// <summary>The name of the scenario the command-line flags make.</summary>
    public const string DefaultName = "conversations";

    /// <summary>Run before any load (NBomber's init), e.g. waiting until the target is ready; a failure stops the run before it starts.</summary>
    public Func<ILoadTarget, CancellationToken, Task>? Init { get; init; }

    /// <summary>Run after the load and the drain (NBomber's clean), e.g. waiting until the silo's conversations have ended.</summary>
    public Func<ILoadTarget, CancellationToken, Task>? Clean { get; init; }

    /// <summary>What the config file said the init does, for reports (null: nothing).</summary>
    public string? InitText { get; init; }

    /// <summary>What the config file said the clean does, for reports (null: nothing).</summary>
    public string? CleanText { get; init; }
}
