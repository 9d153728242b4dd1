using System.Globalization;

namespace AgentSim.LoadTests.Driver;

/// <summary>
/// One phase of a scenario's load, NBomber's load simulations. The <b>open</b> model sets the arrival rate, whatever the
/// target's answers (<see cref="Inject"/>, <see cref="RampingInject"/>, <see cref="InjectRandom"/>,
/// <see cref="IterationsForInject"/>); the <b>closed</b> model sets how many copies loop request → answer → request
/// (<see cref="KeepConstant"/>, <see cref="RampingConstant"/>, <see cref="IterationsForConstant"/>); <see cref="Pause"/>
/// goes with either. A scenario's phases run one after another and may not mix the two models (NBomber's rule).
/// </summary>
public abstract record LoadSimulation
{
    private protected static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The name on the command line and in config files, e.g. <c>ramping-inject</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether this phase belongs to the open model (null for <see cref="Pause"/>, which goes with either).</summary>
    public abstract bool? Open { get; }

    /// <summary>How long the phase lasts, or null when it ends after a number of iterations (<see cref="IterationsForConstant"/>).</summary>
    public abstract TimeSpan? During { get; }

    /// <summary>A short description for reports, e.g. <c>inject 100/s for 30 s</c>.</summary>
    public abstract string Describe();

    /// <summary>Every name of a load simulation.</summary>
    public static readonly string[] Names =
        ["inject", "ramping-inject", "inject-random", "iterations-for-inject", "keep-constant", "ramping-constant", "iterations-for-constant", "pause"];

    /// <summary>Arrivals at <paramref name="Rate"/> a second, evenly spaced, for <paramref name="Time"/> (NBomber's <c>Inject</c>).</summary>
    public sealed record Inject(double Rate, TimeSpan Time) : LoadSimulation
    {
        /// <inheritdoc />
        public override string Name => "inject";

        /// <inheritdoc />
        public override bool? Open => true;

        /// <inheritdoc />
        public override TimeSpan? During => Time;

        /// <inheritdoc />
        public override string Describe() => string.Create(C, $"inject {Rate:0.##}/s for {Time.TotalSeconds:0.###} s");
    }

    /// <summary>The arrival rate moves in a straight line from the previous phase's (0 at the start) to <paramref name="Rate"/> over <paramref name="Time"/> (NBomber's <c>RampingInject</c>).</summary>
    public sealed record RampingInject(double Rate, TimeSpan Time) : LoadSimulation
    {
        /// <inheritdoc />
        public override string Name => "ramping-inject";

        /// <inheritdoc />
        public override bool? Open => true;

        /// <inheritdoc />
        public override TimeSpan? During => Time;

        /// <inheritdoc />
        public override string Describe() => string.Create(C, $"ramping-inject to {Rate:0.##}/s over {Time.TotalSeconds:0.###} s");
    }

    /// <summary>
    /// Poisson arrivals for <paramref name="Time"/>: at <paramref name="MinRate"/> a second when it equals
    /// <paramref name="MaxRate"/>, otherwise at a rate drawn uniformly between them for each <paramref name="Interval"/>
    /// (NBomber's <c>InjectRandom</c>, whose random count per interval this keeps, with the arrivals inside an interval
    /// Poisson rather than bunched at its start).
    /// </summary>
    public sealed record InjectRandom(double MinRate, double MaxRate, TimeSpan Time, TimeSpan Interval) : LoadSimulation
    {
        /// <inheritdoc />
        public override string Name => "inject-random";

        /// <inheritdoc />
        public override bool? Open => true;

        /// <inheritdoc />
        public override TimeSpan? During => Time;

        /// <inheritdoc />
        public override string Describe() => MinRate == MaxRate
            ? string.Create(C, $"inject-random (Poisson) {MinRate:0.##}/s for {Time.TotalSeconds:0.###} s")
            : string.Create(C, $"inject-random (Poisson) {MinRate:0.##}-{MaxRate:0.##}/s, redrawn every {Interval.TotalSeconds:0.###} s, for {Time.TotalSeconds:0.###} s");
    }

    /// <summary><paramref name="Iterations"/> arrivals at <paramref name="Rate"/> a second, evenly spaced (NBomber's <c>IterationsForInject</c>).</summary>
    public sealed record IterationsForInject(double Rate, long Iterations) : LoadSimulation
    {
        /// <inheritdoc />
        public override string Name => "iterations-for-inject";

        /// <inheritdoc />
        public override bool? Open => true;

        /// <inheritdoc />
        public override TimeSpan? During => TimeSpan.FromSeconds(Iterations / Rate);

        /// <inheritdoc />
        public override string Describe() => string.Create(C, $"iterations-for-inject {Iterations:N0} at {Rate:0.##}/s");
    }

    /// <summary><paramref name="Copies"/> copies, each sending its next iteration as soon as its last is answered, for <paramref name="Time"/> (NBomber's <c>KeepConstant</c>).</summary>
    public sealed record KeepConstant(int Copies, TimeSpan Time) : LoadSimulation
    {
        /// <inheritdoc />
        public override string Name => "keep-constant";

        /// <inheritdoc />
        public override bool? Open => false;

        /// <inheritdoc />
        public override TimeSpan? During => Time;

        /// <inheritdoc />
        public override string Describe() => string.Create(C, $"keep-constant {Copies:N0} copies for {Time.TotalSeconds:0.###} s");
    }

    /// <summary>The copies move in a straight line from the previous phase's (0 at the start) to <paramref name="Copies"/> over <paramref name="Time"/> (NBomber's <c>RampingConstant</c>).</summary>
    public sealed record RampingConstant(int Copies, TimeSpan Time) : LoadSimulation
    {
        /// <inheritdoc />
        public override string Name => "ramping-constant";

        /// <inheritdoc />
        public override bool? Open => false;

        /// <inheritdoc />
        public override TimeSpan? During => Time;

        /// <inheritdoc />
        public override string Describe() => string.Create(C, $"ramping-constant to {Copies:N0} copies over {Time.TotalSeconds:0.###} s");
    }

    /// <summary><paramref name="Copies"/> copies share <paramref name="Iterations"/> iterations and stop when they are done (NBomber's <c>IterationsForConstant</c>); the run's duration bounds it.</summary>
    public sealed record IterationsForConstant(int Copies, long Iterations) : LoadSimulation
    {
        /// <inheritdoc />
        public override string Name => "iterations-for-constant";

        /// <inheritdoc />
        public override bool? Open => false;

        /// <inheritdoc />
        public override TimeSpan? During => null;

        /// <inheritdoc />
        public override string Describe() => string.Create(C, $"iterations-for-constant {Iterations:N0} over {Copies:N0} copies");
    }

    /// <summary>No load for <paramref name="Time"/> (NBomber's <c>Pause</c>).</summary>
    public sealed record Pause(TimeSpan Time) : LoadSimulation
    {
        /// <inheritdoc />
        public override string Name => "pause";

        /// <inheritdoc />
        public override bool? Open => null;

        /// <inheritdoc />
        public override TimeSpan? During => Time;

        /// <inheritdoc />
        public override string Describe() => string.Create(C, $"pause {Time.TotalSeconds:0.###} s");
    }

    /// <summary>
    /// NBomber's mixing rules, plus the one an unbounded phase needs: at least one phase that loads; open and closed phases
    /// never in one scenario; an <c>iterations-for-constant</c> phase last (its length is known only when it ends).
    /// Returns the problems, each naming <paramref name="where"/>.
    /// </summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<LoadSimulation> phases, string where)
    {
        var problems = new List<string>();
        if (phases.Count == 0 || phases.All(p => p is Pause))
        {
            problems.Add($"{where}: needs at least one load simulation that loads (not only pauses).");
            return problems;
        }

        var open = phases.FirstOrDefault(p => p.Open == true);
        var closed = phases.FirstOrDefault(p => p.Open == false);
        if (open is not null && closed is not null)
        {
            problems.Add($"{where}: '{open.Name}' (open model: arrival rate) and '{closed.Name}' (closed model: copies) cannot be mixed in one scenario; put them in two scenarios.");
        }

        for (var i = 0; i < phases.Count - 1; i++)
        {
            if (phases[i] is IterationsForConstant)
            {
                problems.Add($"{where}: 'iterations-for-constant' must be the last load simulation (it ends only when its iterations are done).");
            }
        }

        return problems;
    }

    /// <summary>Whether the phases are the open model (at least one open phase).</summary>
    public static bool IsOpen(IReadOnlyList<LoadSimulation> phases) => phases.Any(p => p.Open == true);

    /// <summary>The phases' total length, or null when the last ends after its iterations.</summary>
    public static TimeSpan? Total(IReadOnlyList<LoadSimulation> phases) =>
        phases.Any(p => p.During is null) ? null : TimeSpan.FromTicks(phases.Sum(p => p.During!.Value.Ticks));

    /// <summary>The rate (open) or copies (closed) the phases start at: the warm-up loads at this.</summary>
    public static double StartLevel(IReadOnlyList<LoadSimulation> phases) => phases.FirstOrDefault(p => p is not Pause) switch
    {
        Inject i => i.Rate,
        RampingInject r => r.Rate,
        InjectRandom r => (r.MinRate + r.MaxRate) / 2,
        IterationsForInject i => i.Rate,
        KeepConstant k => k.Copies,
        RampingConstant r => r.Copies,
        IterationsForConstant i => i.Copies,
        _ => 0,
    };
}
