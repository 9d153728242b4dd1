using System.Globalization;
using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests;

/// <summary>Parses the load driver's flags; every problem names its flag.</summary>
public static class LoadOptionsParser
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Parses <paramref name="args"/>; returns the options, or null and the problems found (<paramref name="help"/> when --help was asked).</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out IReadOnlyList<string> problems, out bool help)
    {
        var errors = new List<string>();
        problems = errors;
        help = false;
        var o = new LoadOptions(Duration: TimeSpan.FromSeconds(30));

        // A config file first; the flags beside it override its values.
        for (var i = 0; i < args.Count; i++)
        {
            var config = args[i] == "--config" && i + 1 < args.Count ? args[i + 1] : args[i].StartsWith("--config=", StringComparison.Ordinal) ? args[i]["--config=".Length..] : null;
            if (config is not null)
            {
                o = Config.LoadConfig.Read(config, o, errors) ?? o;
                if (errors.Count > 0)
                {
                    return null;
                }
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            if (flag is "--help" or "-h" or "-?")
            {
                help = true;
                return null;
            }

            if (flag == "--find-capacity")
            {
                o = o with { FindCapacity = true };
                continue;
            }

            if (flag == "--no-live")
            {
                o = o with { NoLive = true };
                continue;
            }

            var eq = flag.IndexOf('=', StringComparison.Ordinal);
            string? value = null;
            if (eq > 0 && flag.StartsWith("--", StringComparison.Ordinal))
            {
                value = flag[(eq + 1)..];
                flag = flag[..eq];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            if (value is null && flag.StartsWith("--", StringComparison.Ordinal) && Known(flag))
            {
                errors.Add($"{flag} needs a value.");
                continue;
            }

            switch (flag)
            {
                case "--target": o = o with { Target = value! }; break;
                case "--simulation":
                    if (LoadOptions.Simulations.Contains(value))
                    {
                        o = o with { Simulation = value! };
                    }
                    else
                    {
                        errors.Add(value == "pause"
                            ? "--simulation: 'pause' loads nothing on its own; put it in a sequence of load_simulations in a --config file."
                            : $"--simulation: '{value}' is not a load simulation; use {string.Join(", ", LoadOptions.Simulations)}.");
                    }

                    break;
                case "--copies": o = o with { Copies = Int(flag, value!, errors, min: 1) }; break;
                case "--iterations": o = o with { Iterations = Int(flag, value!, errors, min: 1) }; break;
                case "--steps": o = o with { Steps = Steps(flag, value!, errors) }; break;
                case "--rate": o = o with { Rate = Positive(flag, value!, errors) }; break;
                case "--duration": o = o with { Duration = Duration(flag, value!, errors, allowZero: false) }; break;
                case "--warmup": o = o with { Warmup = Duration(flag, value!, errors, allowZero: true) }; break;
                case "--seed": o = o with { Seed = Int(flag, value!, errors, min: int.MinValue) }; break;
                case "--max-in-flight": o = o with { MaxInFlight = Int(flag, value!, errors, min: 1) }; break;
                case "--scenario": o = o with { Scenario = value! }; break;
                case "--time-scale": o = o with { TimeScale = Positive(flag, value!, errors) }; break;
                case "--out": o = o with { Out = value! }; break;
                case "--threshold": o = o with { Thresholds = [.. o.Thresholds ?? [], .. Expression(flag, value!, errors)] }; break;
                case "--abort-on": o = o with { AbortOn = [.. o.AbortOn ?? [], .. Expression(flag, value!, errors)] }; break;
                case "--abort-delay": o = o with { AbortDelay = Duration(flag, value!, errors, allowZero: true) }; break;
                case SimulationOptions.Flag: o = o with { MetricsUrl = SimulationOptions.ParseUrl(value, errors) }; break;
                case "--step-factor": o = o with { StepFactor = AboveOne(flag, value!, errors) }; break;
                case "--step": o = o with { Step = Positive(flag, value!, errors) }; break;
                case "--step-duration": o = o with { StepDuration = Duration(flag, value!, errors, allowZero: false) }; break;
                case "--max-rate": o = o with { MaxRate = Positive(flag, value!, errors) }; break;
                case "--metrics-port": o = o with { MetricsPort = Int(flag, value!, errors, min: 0) is var p and <= 65535 ? p : Fail<int>(errors, $"{flag}: '{value}' is not a port (0-65535; 0 = a free one).") }; break;
                case "--metrics-host": o = o with { MetricsHost = System.Net.IPAddress.TryParse(value, out _) ? value! : Fail(errors, $"{flag}: '{value}' is not an IP address (e.g. 127.0.0.1 or 0.0.0.0).", "127.0.0.1") }; break;
                case "--config": break;
                default:
                    errors.Add($"{flag}: unknown option{(value is null ? "" : $" (with value '{value}')")}; run with --help for the options.");
                    break;
            }
        }

        CheckCapacity(o, args, errors);
        return errors.Count == 0 ? o : null;
    }

    // The capacity-search flags: only with --find-capacity, one way of stepping, and a ceiling at or above the start.
    private static void CheckCapacity(LoadOptions o, IReadOnlyList<string> args, List<string> errors)
    {
        if (!o.FindCapacity)
        {
            foreach (var flag in new[] { "--step-factor", "--step", "--step-duration", "--max-rate" }.Where(f => args.Any(a => a == f || a.StartsWith(f + "=", StringComparison.Ordinal))))
            {
                errors.Add($"{flag}: only with --find-capacity.");
            }

            return;
        }

        if (o.Scenarios is not null || o.Simulation is not ("inject" or "inject-random"))
        {
            errors.Add($"--find-capacity: steps the rate of one inject or inject-random scenario; not with {(o.Scenarios is not null ? "the scenarios of a --config file" : $"--simulation {o.Simulation}")}.");
        }

        if (o.AbortOn is { Count: > 0 })
        {
            errors.Add("--abort-on: not with --find-capacity (each step is judged by --threshold; the search stops at the first step that breaks one).");
        }

        if (o.StepFactor is not null && o.Step is not null)
        {
            errors.Add("--step: give --step or --step-factor, not both.");
        }

        if (o.MaxRate is { } max && max < o.Rate)
        {
            errors.Add(string.Create(C, $"--max-rate: {max:0.###} is below --rate {o.Rate:0.###}; the search starts at --rate."));
        }
    }

    private static double AboveOne(string flag, string value, List<string> errors)
    {
        if (double.TryParse(value, NumberStyles.Float, C, out var n) && double.IsFinite(n) && n > 1)
        {
            return n;
        }

        errors.Add($"{flag}: '{value}' is not a number above 1 (each step must raise the rate).");
        return 1.5;
    }

    /// <summary>Parses a duration such as <c>30s</c>, <c>2m</c>, <c>500ms</c>, <c>1h</c> or a bare number of seconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var (number, scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ when text.EndsWith('h') => (text[..^1], 3600.0),
            _ => (text, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, C, out var value) || !double.IsFinite(value) || value < 0 || value * scale > 86_400)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * scale);
        return true;
    }

    private static bool Known(string flag) => flag is "--target" or "--simulation" or "--rate" or "--duration" or "--warmup" or "--seed"
        or "--max-in-flight" or "--scenario" or "--time-scale" or "--out" or "--config" or "--threshold" or "--abort-on" or "--abort-delay"
        or "--step-factor" or "--step" or "--step-duration" or "--max-rate" or "--copies" or "--iterations" or "--steps" or "--metrics-port" or "--metrics-host";

    private static IReadOnlyList<Scenarios.LoadStep> Steps(string flag, string value, List<string> errors)
    {
        var steps = new List<Scenarios.LoadStep>();
        foreach (var name in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (Scenarios.LoadSteps.TryParse(name, out var step))
            {
                steps.Add(step);
            }
            else
            {
                errors.Add($"{flag}: '{name}' is not a step; the steps are {string.Join(", ", Scenarios.LoadSteps.Names)}.");
            }
        }

        return steps;
    }

    private static T Fail<T>(List<string> errors, string problem, T fallback = default!)
    {
        errors.Add(problem);
        return fallback;
    }

    // A threshold expression, or nothing and the problem (naming the flag and the expression).
    private static Threshold[] Expression(string flag, string value, List<string> errors)
    {
        var threshold = Threshold.Parse(value, out var problem);
        if (threshold is null)
        {
            errors.Add($"{flag} '{value}': {problem}.");
            return [];
        }

        return [threshold];
    }

    private static double Positive(string flag, string value, List<string> errors)
    {
        if (double.TryParse(value, NumberStyles.Float, C, out var n) && double.IsFinite(n) && n > 0)
        {
            return n;
        }

        errors.Add($"{flag}: '{value}' is not a positive number.");
        return 1;
    }

    private static int Int(string flag, string value, List<string> errors, int min)
    {
        if (int.TryParse(value, NumberStyles.Integer, C, out var n) && n >= min)
        {
            return n;
        }

        errors.Add(min == 1 ? $"{flag}: '{value}' is not a whole number of at least 1." : $"{flag}: '{value}' is not a whole number.");
        return min;
    }

    private static TimeSpan Duration(string flag, string value, List<string> errors, bool allowZero)
    {
        if (TryParseDuration(value, out var d) && (allowZero || d > TimeSpan.Zero))
        {
            return d;
        }

        errors.Add($"{flag}: '{value}' is not a duration{(allowZero ? "" : " above zero")} (e.g. 30s, 2m, 500ms).");
        return TimeSpan.FromSeconds(1);
    }
}
