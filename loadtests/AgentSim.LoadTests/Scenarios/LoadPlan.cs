using System.Globalization;
using AgentSim.LoadTests.Driver;

namespace AgentSim.LoadTests.Scenarios;

/// <summary>
/// What a run loads: its scenarios, and the load simulations they share by weight (<paramref name="Shared"/>, when the
/// scenarios carry weights) — otherwise each scenario runs its own simulations, all at once.
/// </summary>
/// <param name="Scenarios">At least one scenario, names unique.</param>
/// <param name="Shared">Load simulations the weighted scenarios share, or null.</param>
public sealed record LoadPlan(IReadOnlyList<LoadScenario> Scenarios, IReadOnlyList<LoadSimulation>? Shared = null)
{
    /// <summary>The plan the command-line flags make: one scenario of start steps at <paramref name="rate"/>/s for <paramref name="duration"/>.</summary>
    public static LoadPlan Single(double rate, TimeSpan duration, bool poisson) =>
        new([new LoadScenario(LoadScenario.DefaultName, [LoadStep.Start],
            [poisson ? new LoadSimulation.InjectRandom(rate, rate, duration, TimeSpan.FromSeconds(1)) : new LoadSimulation.Inject(rate, duration)])]);

    /// <summary>Whether the scenarios share the load by weight.</summary>
    public bool Weighted => Scenarios.Any(s => s.Weight is not null);

    /// <summary>
    /// The independent streams of load: one for the weighted scenarios together, or one per scenario; each with its
    /// phases and the scenarios it picks from.
    /// </summary>
    public IReadOnlyList<(IReadOnlyList<LoadSimulation> Phases, IReadOnlyList<LoadScenario> Scenarios)> Streams() => Weighted
        ? [(Shared ?? [], Scenarios)]
        : [.. Scenarios.Select(s => (s.Simulations, (IReadOnlyList<LoadScenario>)[s]))];

    /// <summary>Whether any stream is the open model.</summary>
    public bool AnyOpen => Streams().Any(s => LoadSimulation.IsOpen(s.Phases));

    /// <summary>Whether every stream is the open model (so the target rate is known in advance).</summary>
    public bool AllOpen => Streams().All(s => LoadSimulation.IsOpen(s.Phases));

    /// <summary>The longest stream, or null when one ends only after its iterations.</summary>
    public TimeSpan? Duration
    {
        get
        {
            var totals = Streams().Select(s => LoadSimulation.Total(s.Phases)).ToList();
            return totals.Any(t => t is null) ? null : totals.Max();
        }
    }

    /// <summary>Arrivals a second planned over <paramref name="duration"/>, summed over the open streams (0 when there are none).</summary>
    public double MeanRate(TimeSpan duration, int seed) => duration <= TimeSpan.Zero ? 0 : Streams()
        .Where(s => LoadSimulation.IsOpen(s.Phases))
        .Sum(s => LoadProfile.Build(s.Phases, 0, seed).Expected(duration.TotalSeconds)) / duration.TotalSeconds;

    /// <summary>The plan in one line, e.g. <c>conversations: inject 100/s for 30 s</c>.</summary>
    public string Describe() => Weighted
        ? $"{string.Join(", ", Scenarios.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} (weight {s.Weight:0.##})")))}: {string.Join(", then ", (Shared ?? []).Select(p => p.Describe()))}"
        : string.Join("; ", Scenarios.Select(s => $"{s.Name}: {string.Join(", then ", s.Simulations.Select(p => p.Describe()))}"));

    /// <summary>What is wrong with the plan (names unique, weights all or none, each stream's mixing rules), each naming <paramref name="where"/>.</summary>
    public IReadOnlyList<string> Check(string where)
    {
        var problems = new List<string>();
        if (Scenarios.Count == 0)
        {
            problems.Add($"{where}: scenarios: needs at least one scenario.");
            return problems;
        }

        foreach (var duplicate in Scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{where}: scenarios: the name '{duplicate.Key}' is used {duplicate.Count()} times; names must be unique.");
        }

        for (var i = 0; i < Scenarios.Count; i++)
        {
            var s = Scenarios[i];
            if (s.Steps.Count == 0)
            {
                problems.Add($"{where}: scenarios[{i}] ({s.Name}): steps: needs at least one step ({string.Join(", ", LoadSteps.Names)}).");
            }
            else if (s.Steps[0] == LoadStep.Status)
            {
                problems.Add($"{where}: scenarios[{i}] ({s.Name}): steps: 'status' needs a 'start' or 'converse' step before it (it asks about the conversation that step started).");
            }

            if (s.Weight is { } w && !(w > 0 && double.IsFinite(w)))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: scenarios[{i}] ({s.Name}): weight: {w} is not a positive number."));
            }
        }

        if (Weighted)
        {
            foreach (var s in Scenarios.Where(s => s.Weight is null))
            {
                problems.Add($"{where}: scenarios ({s.Name}): weight: missing; when one scenario has a weight every one must (they share the load simulations by weight).");
            }

            foreach (var s in Scenarios.Where(s => s.Simulations.Count > 0))
            {
                problems.Add($"{where}: scenarios ({s.Name}): load_simulations: weighted scenarios share the top-level load_simulations; give none per scenario.");
            }

            problems.AddRange(LoadSimulation.Check(Shared ?? [], $"{where}: load_simulations"));
        }
        else
        {
            if (Shared is { Count: > 0 })
            {
                problems.Add($"{where}: load_simulations: top-level load simulations are shared by weighted scenarios; give each scenario a weight, or move them into the scenario.");
            }

            for (var i = 0; i < Scenarios.Count; i++)
            {
                problems.AddRange(LoadSimulation.Check(Scenarios[i].Simulations, $"{where}: scenarios[{i}] ({Scenarios[i].Name}): load_simulations"));
            }
        }

        return problems;
    }
}
