namespace AgentSim.LoadTests.Driver;

/// <summary>
/// A scenario's phases laid out in time from the start of the run (warm-up first): for the open model the arrival rate
/// r(t), piecewise linear, and its integral Λ(t), the arrivals expected by t; for the closed model the copies c(t).
/// Open-model arrivals come from inverting Λ: evenly spaced phases put arrival n at Λ⁻¹(n); Poisson phases
/// (<c>inject-random</c>) step Λ by exponential gaps of mean 1, which makes a non-homogeneous Poisson process of rate
/// r(t). So a ramp is exact, not a staircase, and a seed repeats the arrivals.
/// </summary>
public sealed class LoadProfile
{
    private readonly Segment[] _segments;

    private LoadProfile(Segment[] segments, bool open, long? iterationLimit)
    {
        _segments = segments;
        Open = open;
        IterationLimit = iterationLimit;
    }

    /// <summary>Whether this is the open model (rates) rather than the closed (copies).</summary>
    public bool Open { get; }

    /// <summary>Iterations after which the last phase ends (<c>iterations-for-inject</c>, <c>iterations-for-constant</c>), or null.</summary>
    public long? IterationLimit { get; }

    /// <summary>Where the last phase ends, s from the start (warm-up included); infinity for <c>iterations-for-constant</c>.</summary>
    public double End => _segments[^1].End;

    /// <summary>
    /// Lays out <paramref name="phases"/> after <paramref name="warmup"/> seconds loaded at their start level. Inject-random
    /// phases with a rate range draw each interval's rate from <paramref name="seed"/>.
    /// </summary>
    public static LoadProfile Build(IReadOnlyList<LoadSimulation> phases, double warmup, int seed)
    {
        var open = LoadSimulation.IsOpen(phases);
        var segments = new List<Segment>();
        var level = 0.0;
        var t = 0.0;
        long? limit = null;
        if (warmup > 0)
        {
            var start = LoadSimulation.StartLevel(phases);
            var poisson = phases.FirstOrDefault(p => p is not LoadSimulation.Pause) is LoadSimulation.InjectRandom;
            segments.Add(new Segment(0, warmup, start, start, poisson));
            t = warmup;
        }

        var rates = new Random(seed ^ 0x5BD1E995);
        foreach (var phase in phases)
        {
            switch (phase)
            {
                case LoadSimulation.Inject i:
                    Add(i.Time.TotalSeconds, i.Rate, i.Rate, false);
                    break;
                case LoadSimulation.RampingInject r:
                    Add(r.Time.TotalSeconds, level, r.Rate, false);
                    break;
                case LoadSimulation.InjectRandom r when r.MinRate == r.MaxRate:
                    Add(r.Time.TotalSeconds, r.MinRate, r.MinRate, true);
                    break;
                case LoadSimulation.InjectRandom r:
                    for (var left = r.Time.TotalSeconds; left > 1e-9; left -= r.Interval.TotalSeconds)
                    {
                        var rate = r.MinRate + (rates.NextDouble() * (r.MaxRate - r.MinRate));
                        Add(Math.Min(left, r.Interval.TotalSeconds), rate, rate, true);
                    }

                    break;
                case LoadSimulation.IterationsForInject i:
                    Add(i.Iterations / i.Rate, i.Rate, i.Rate, false);
                    limit = i.Iterations;
                    break;
                case LoadSimulation.KeepConstant k:
                    Add(k.Time.TotalSeconds, k.Copies, k.Copies, false);
                    break;
                case LoadSimulation.RampingConstant r:
                    Add(r.Time.TotalSeconds, level, r.Copies, false);
                    break;
                case LoadSimulation.IterationsForConstant i:
                    Add(double.PositiveInfinity, i.Copies, i.Copies, false);
                    limit = i.Iterations;
                    break;
                case LoadSimulation.Pause p:
                    Add(p.Time.TotalSeconds, 0, 0, false);
                    level = 0;
                    break;
            }
        }

        return new LoadProfile([.. segments], open, limit);

        void Add(double length, double from, double to, bool poisson)
        {
            segments.Add(new Segment(t, t + length, from, to, poisson));
            t += length;
            level = to;
        }
    }

    /// <summary>The rate (open) or copies (closed) at <paramref name="t"/> s.</summary>
    public double Level(double t)
    {
        var s = Find(t);
        if (s is null)
        {
            return 0;
        }

        var seg = s.Value;
        return double.IsInfinity(seg.End) ? seg.From : seg.From + ((seg.To - seg.From) * (t - seg.Start) / (seg.End - seg.Start));
    }

    /// <summary>Arrivals expected from the start to <paramref name="t"/> s: Λ(t) (open model).</summary>
    public double Expected(double t)
    {
        var total = 0.0;
        foreach (var seg in _segments)
        {
            if (t <= seg.Start)
            {
                break;
            }

            var tau = Math.Min(t, seg.End) - seg.Start;
            total += seg.Integral(tau);
        }

        return total;
    }

    /// <summary>A fresh arrival stream over this profile (open model), repeatable for the same <paramref name="seed"/>.</summary>
    public Arrivals NewArrivals(int seed) => new(this, seed);

    private Segment? Find(double t)
    {
        foreach (var seg in _segments)
        {
            if (t >= seg.Start && t < seg.End)
            {
                return seg;
            }
        }

        return null;
    }

    // The time at which Λ reaches x, or +∞ past the end: in the first segment whose end Λ exceeds x. The search starts
    // at `cursor` (a segment index and Λ at its start), which it moves forward: x never decreases, so each arrival costs
    // O(1) however many segments the profile has (an hour of inject-random redrawn every second has 3,600).
    private (double Time, bool Poisson) Inverse(double x, ref int cursor, ref double before)
    {
        for (; cursor < _segments.Length; cursor++)
        {
            var seg = _segments[cursor];
            var length = seg.End - seg.Start;
            var whole = double.IsInfinity(length) ? double.PositiveInfinity : seg.Integral(length);
            if (x < before + whole)
            {
                return (seg.Start + seg.Solve(x - before), seg.Poisson);
            }

            before += whole;
        }

        return (double.PositiveInfinity, false);
    }

    /// <summary>The open model's arrival times, in order, s from the start of the run.</summary>
    public sealed class Arrivals
    {
        private readonly LoadProfile _profile;
        private readonly Random _gaps;
        private double _x;
        private long _n;
        private int _segment;
        private double _before;

        internal Arrivals(LoadProfile profile, int seed)
        {
            _profile = profile;
            _gaps = new Random(seed);
        }

        /// <summary>The next arrival's time (never decreasing), or +∞ when the profile has no more.</summary>
        public double Next()
        {
            if (_profile.IterationLimit is { } limit && _n >= limit)
            {
                return double.PositiveInfinity;
            }

            var (time, poisson) = _profile.Inverse(_x, ref _segment, ref _before);
            _x += poisson ? -Math.Log(1.0 - _gaps.NextDouble()) : 1.0;
            _n++;
            return time;
        }
    }

    // From..To over [Start, End): a level moving in a straight line.
    private readonly record struct Segment(double Start, double End, double From, double To, bool Poisson)
    {
        private double Slope => double.IsInfinity(End) || End <= Start ? 0 : (To - From) / (End - Start);

        public double Integral(double tau) => double.IsInfinity(tau) ? double.PositiveInfinity : (From * tau) + (Slope * tau * tau / 2);

        // τ with Integral(τ) = d: the root of From·τ + k·τ²/2 = d in a form that is stable for k → 0 and From → 0.
        public double Solve(double d)
        {
            if (d <= 0)
            {
                return 0;
            }

            var k = Slope;
            var root = Math.Sqrt(Math.Max(0, (From * From) + (2 * k * d)));
            return 2 * d / (From + root);
        }
    }
}
