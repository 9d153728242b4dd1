using System.Globalization;
using System.Text.Json;
using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Scenarios;
using AgentSim.LoadTests.Targets;
using AgentSim.LoadTests.Thresholds;
using AgentSim.Model;
using AgentSim.Model.Channels;

namespace AgentSim.LoadTests.Config;

/// <summary>
/// Reads a load test's JSON config file (<c>--config FILE</c>): every command-line flag as a snake_case key
/// (<c>--max-in-flight</c> is <c>max_in_flight</c>), plus what only a file can say: several scenarios with steps, weights,
/// data feeds, init and clean, and sequences of load simulations. Flags given beside <c>--config</c> override its values.
/// Every problem names the file and the field's JSON path (and the line, for a syntax error).
/// </summary>
public static class LoadConfig
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The top-level keys.</summary>
    public static readonly string[] Keys =
    [
        "target", "simulation", "rate", "copies", "iterations", "duration", "warmup", "seed", "max_in_flight", "scenario", "time_scale", "out",
        "thresholds", "abort_on", "abort_delay", "find_capacity", "step_factor", "step", "step_duration", "max_rate", "steps",
        "load_simulations", "scenarios",
    ];

    /// <summary>Reads <paramref name="path"/> over <paramref name="defaults"/>; returns the options, or null and the problems.</summary>
    public static LoadOptions? Read(string path, LoadOptions defaults, List<string> problems)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"--config: cannot read '{path}': {ex.Message}");
            return null;
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            problems.Add($"{path}: line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: not valid JSON: {ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}");
            return null;
        }

        using (doc)
        {
            var reader = new Reader(path, problems);
            var o = reader.Options(doc.RootElement, defaults);
            return problems.Count == 0 ? o : null;
        }
    }

    private sealed class Reader(string file, List<string> problems)
    {
        public LoadOptions Options(JsonElement root, LoadOptions o)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem("$", "the file must hold one JSON object of settings");
                return o;
            }

            foreach (var p in root.EnumerateObject())
            {
                var at = p.Name;
                var v = p.Value;
                switch (p.Name)
                {
                    case "target": o = o with { Target = String(at, v) ?? o.Target }; break;
                    case "simulation":
                        var sim = String(at, v);
                        if (sim is not null && !LoadSimulation.Names.Contains(sim) || sim == "pause")
                        {
                            Problem(at, $"'{sim}' is not a load simulation for the flags' one-phase plan; use {string.Join(", ", LoadSimulation.Names.Where(n => n != "pause"))} (sequences with pauses go in load_simulations)");
                        }
                        else
                        {
                            o = o with { Simulation = sim ?? o.Simulation };
                        }

                        break;
                    case "rate": o = o with { Rate = Positive(at, v) ?? o.Rate }; break;
                    case "copies": o = o with { Copies = (int?)Whole(at, v) ?? o.Copies }; break;
                    case "iterations": o = o with { Iterations = Whole(at, v) ?? o.Iterations }; break;
                    case "duration": o = o with { Duration = Duration(at, v, allowZero: false) ?? o.Duration }; break;
                    case "warmup": o = o with { Warmup = Duration(at, v, allowZero: true) ?? o.Warmup }; break;
                    case "seed": o = o with { Seed = Int(at, v) ?? o.Seed }; break;
                    case "max_in_flight": o = o with { MaxInFlight = (int?)Whole(at, v) ?? o.MaxInFlight }; break;
                    case "scenario": o = o with { Scenario = String(at, v) ?? o.Scenario }; break;
                    case "time_scale": o = o with { TimeScale = Positive(at, v) ?? o.TimeScale }; break;
                    case "out": o = o with { Out = String(at, v) ?? o.Out }; break;
                    case "thresholds": o = o with { Thresholds = Thresholds(at, v) }; break;
                    case "abort_on": o = o with { AbortOn = Thresholds(at, v) }; break;
                    case "abort_delay": o = o with { AbortDelay = Duration(at, v, allowZero: true) ?? o.AbortDelay }; break;
                    case "find_capacity":
                        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
                        {
                            o = o with { FindCapacity = v.GetBoolean() };
                        }
                        else
                        {
                            Problem(at, "is not true or false");
                        }

                        break;
                    case "step_factor":
                        var factor = Positive(at, v);
                        if (factor is <= 1)
                        {
                            Problem(at, "must be above 1 (each step must raise the rate)");
                        }

                        o = o with { StepFactor = factor ?? o.StepFactor };
                        break;
                    case "step": o = o with { Step = Positive(at, v) ?? o.Step }; break;
                    case "step_duration": o = o with { StepDuration = Duration(at, v, allowZero: false) ?? o.StepDuration }; break;
                    case "max_rate": o = o with { MaxRate = Positive(at, v) ?? o.MaxRate }; break;
                    case "steps": o = o with { Steps = Steps(at, v) ?? o.Steps }; break;
                    case "load_simulations": o = o with { SharedSimulations = Simulations(at, v) }; break;
                    case "scenarios": o = o with { Scenarios = Scenarios(at, v) }; break;
                    default:
                        Problem(at, $"unknown setting; the settings are {string.Join(", ", Keys)}");
                        break;
                }
            }

            return o;
        }

        private IReadOnlyList<LoadScenario>? Scenarios(string at, JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.Array)
            {
                Problem(at, "is not a list of scenarios");
                return null;
            }

            var list = new List<LoadScenario>();
            var i = 0;
            foreach (var s in v.EnumerateArray())
            {
                var here = $"{at}[{i++}]";
                if (s.ValueKind != JsonValueKind.Object)
                {
                    Problem(here, "is not a scenario object");
                    continue;
                }

                string? name = null;
                double? weight = null;
                IReadOnlyList<LoadStep> steps = [LoadStep.Start];
                IReadOnlyList<LoadSimulation> sims = [];
                DataFeed? feed = null;
                TimeSpan? ready = null;
                TimeSpan? idle = null;
                foreach (var p in s.EnumerateObject())
                {
                    var field = $"{here}.{p.Name}";
                    switch (p.Name)
                    {
                        case "name": name = String(field, p.Value); break;
                        case "weight": weight = Positive(field, p.Value); break;
                        case "steps": steps = Steps(field, p.Value) ?? steps; break;
                        case "load_simulations": sims = Simulations(field, p.Value) ?? []; break;
                        case "feed": feed = Feed(field, p.Value); break;
                        case "init": ready = Action(field, p.Value, "wait_ready"); break;
                        case "clean": idle = Action(field, p.Value, "wait_idle"); break;
                        default: Problem(field, "unknown scenario setting; they are name, weight, steps, load_simulations, feed, init, clean"); break;
                    }
                }

                if (string.IsNullOrWhiteSpace(name))
                {
                    Problem($"{here}.name", "missing: every scenario needs a name");
                    continue;
                }

                if (name.Length > 64 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.'))
                {
                    Problem($"{here}.name", $"'{name}' must be 1-64 letters, digits, '_', '-' or '.' (it labels metrics)");
                }

                list.Add(new LoadScenario(name, steps, sims, feed, weight)
                {
                    Init = ready is { } r ? (target, ct) => target.WaitReadyAsync(r, ct) : null,
                    InitText = ready is { } r2 ? string.Create(C, $"wait until the target is ready (up to {r2.TotalSeconds:0.#} s)") : null,
                    Clean = idle is { } d ? (target, ct) => WaitIdleAsync(target, d, ct) : null,
                    CleanText = idle is { } d2 ? string.Create(C, $"wait until the silo has no conversations in flight (up to {d2.TotalSeconds:0.#} s)") : null,
                });
            }

            return list;
        }

        // init: {"wait_ready": "30s"}; clean: {"wait_idle": "60s"}.
        private TimeSpan? Action(string at, JsonElement v, string key)
        {
            if (v.ValueKind != JsonValueKind.Object || v.EnumerateObject().Count() != 1 || !v.TryGetProperty(key, out var d))
            {
                Problem(at, $"is not {{\"{key}\": DURATION}}");
                return null;
            }

            return Duration($"{at}.{key}", d, allowZero: false);
        }

        private DataFeed? Feed(string at, JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.Object)
            {
                Problem(at, "is not a feed object ({\"channel\": {\"voice\": 1, ...}, \"intent\": {...}, \"tier\": {...}} or {\"items\": [...], \"order\": \"circular\"|\"random\"})");
                return null;
            }

            if (v.TryGetProperty("items", out var items))
            {
                var order = v.TryGetProperty("order", out var o) ? String($"{at}.order", o) : "circular";
                if (order is not ("circular" or "random"))
                {
                    Problem($"{at}.order", $"'{order}' is not circular or random");
                }

                foreach (var extra in v.EnumerateObject().Where(p => p.Name is not ("items" or "order")))
                {
                    Problem($"{at}.{extra.Name}", "a feed has either items (with order) or channel/intent/tier mixes, not both");
                }

                if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
                {
                    Problem($"{at}.items", "is not a non-empty list");
                    return null;
                }

                var list = new List<FeedItem>();
                var i = 0;
                foreach (var item in items.EnumerateArray())
                {
                    var here = $"{at}.items[{i++}]";
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        Problem(here, "is not an object with channel, intent and/or tier");
                        continue;
                    }

                    string? channel = null, intent = null, tier = null;
                    foreach (var p in item.EnumerateObject())
                    {
                        switch (p.Name)
                        {
                            case "channel": channel = Channel($"{here}.channel", String($"{here}.channel", p.Value)); break;
                            case "intent": intent = String($"{here}.intent", p.Value); break;
                            case "tier": tier = String($"{here}.tier", p.Value); break;
                            default: Problem($"{here}.{p.Name}", "unknown; an item has channel, intent and tier"); break;
                        }
                    }

                    list.Add(new FeedItem(channel, intent, tier));
                }

                return list.Count == 0 ? null : DataFeed.Items(list, order == "random");
            }

            IReadOnlyDictionary<string, double>? channels = null, intents = null, tiers = null;
            foreach (var p in v.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "channel":
                        channels = Mix($"{at}.channel", p.Value);
                        foreach (var name in channels?.Keys ?? [])
                        {
                            Channel($"{at}.channel.{name}", name);
                        }

                        break;
                    case "intent": intents = Mix($"{at}.intent", p.Value); break;
                    case "tier": tiers = Mix($"{at}.tier", p.Value); break;
                    default: Problem($"{at}.{p.Name}", "unknown; a feed has channel, intent and tier mixes, or items and order"); break;
                }
            }

            return DataFeed.Mix(channels, intents, tiers);
        }

        private string? Channel(string at, string? name)
        {
            if (name is not null && !Wire<Channel>.TryParse(name, out _))
            {
                Problem(at, $"'{name}' is not a channel; the channels are {Wire<Channel>.Known}");
            }

            return name;
        }

        private Dictionary<string, double>? Mix(string at, JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.Object || !v.EnumerateObject().Any())
            {
                Problem(at, "is not a mix of {\"name\": weight, ...}");
                return null;
            }

            var mix = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var p in v.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Number && p.Value.GetDouble() is var w && w >= 0 && double.IsFinite(w))
                {
                    mix[p.Name] = w;
                }
                else
                {
                    Problem($"{at}.{p.Name}", "is not a weight (a number of 0 or more)");
                }
            }

            if (mix.Count > 0 && mix.Values.Sum() <= 0)
            {
                Problem(at, "the weights add up to 0");
            }

            return mix;
        }

        private IReadOnlyList<LoadSimulation>? Simulations(string at, JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.Array)
            {
                Problem(at, "is not a list of load simulations, e.g. [{\"inject\": {\"rate\": 100, \"during\": \"30s\"}}]");
                return null;
            }

            var list = new List<LoadSimulation>();
            var i = 0;
            foreach (var entry in v.EnumerateArray())
            {
                var here = $"{at}[{i++}]";
                if (entry.ValueKind != JsonValueKind.Object || entry.EnumerateObject().Count() != 1)
                {
                    Problem(here, $"is not one load simulation, {{\"NAME\": {{...}}}} with NAME one of {string.Join(", ", LoadSimulation.Names)}");
                    continue;
                }

                var p = entry.EnumerateObject().First();
                if (Simulation($"{here}.{p.Name}", p.Name, p.Value) is { } sim)
                {
                    list.Add(sim);
                }
            }

            return list;
        }

        private LoadSimulation? Simulation(string at, string name, JsonElement v)
        {
            string[] allowed = name switch
            {
                "inject" or "ramping-inject" => ["rate", "during"],
                "inject-random" => ["rate", "min_rate", "max_rate", "interval", "during"],
                "iterations-for-inject" => ["rate", "iterations"],
                "keep-constant" or "ramping-constant" => ["copies", "during"],
                "iterations-for-constant" => ["copies", "iterations"],
                "pause" => ["during"],
                _ => [],
            };
            if (allowed.Length == 0)
            {
                Problem(at, $"'{name}' is not a load simulation; they are {string.Join(", ", LoadSimulation.Names)}");
                return null;
            }

            if (v.ValueKind != JsonValueKind.Object)
            {
                Problem(at, $"is not an object of {string.Join(", ", allowed)}");
                return null;
            }

            foreach (var p in v.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
            {
                Problem($"{at}.{p.Name}", $"not a setting of {name}; it takes {string.Join(", ", allowed)}");
            }

            var before = problems.Count;
            double Rate(string key) => Required(key, k => Positive($"{at}.{k}", v.GetProperty(k))) ?? 1;
            int Copies() => (int)(Required("copies", k => Whole($"{at}.{k}", v.GetProperty(k))) ?? 1);
            long Iterations() => Required("iterations", k => Whole($"{at}.{k}", v.GetProperty(k))) ?? 1;
            TimeSpan During() => Required("during", k => Duration($"{at}.{k}", v.GetProperty(k), allowZero: false)) ?? TimeSpan.FromSeconds(1);
            T? Required<T>(string key, Func<string, T?> read)
                where T : struct
            {
                if (v.TryGetProperty(key, out _))
                {
                    return read(key);
                }

                Problem($"{at}.{key}", "missing");
                return null;
            }

            LoadSimulation sim = name switch
            {
                "inject" => new LoadSimulation.Inject(Rate("rate"), During()),
                "ramping-inject" => new LoadSimulation.RampingInject(Rate("rate"), During()),
                "iterations-for-inject" => new LoadSimulation.IterationsForInject(Rate("rate"), Iterations()),
                "keep-constant" => new LoadSimulation.KeepConstant(Copies(), During()),
                "ramping-constant" => new LoadSimulation.RampingConstant(Copies(), During()),
                "iterations-for-constant" => new LoadSimulation.IterationsForConstant(Copies(), Iterations()),
                "pause" => new LoadSimulation.Pause(During()),
                _ => RandomInject(at, v, During()),
            };
            return problems.Count == before ? sim : null;
        }

        // inject-random: {"rate": R} (Poisson at R) or {"min_rate": A, "max_rate": B, "interval": "1s"}.
        private LoadSimulation RandomInject(string at, JsonElement v, TimeSpan during)
        {
            var interval = v.TryGetProperty("interval", out var i) ? Duration($"{at}.interval", i, allowZero: false) ?? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1);
            if (v.TryGetProperty("rate", out var r))
            {
                if (v.TryGetProperty("min_rate", out _) || v.TryGetProperty("max_rate", out _))
                {
                    Problem(at, "give rate, or min_rate and max_rate, not both");
                }

                var rate = Positive($"{at}.rate", r) ?? 1;
                return new LoadSimulation.InjectRandom(rate, rate, during, interval);
            }

            var min = v.TryGetProperty("min_rate", out var a) ? Positive($"{at}.min_rate", a) : null;
            var max = v.TryGetProperty("max_rate", out var b) ? Positive($"{at}.max_rate", b) : null;
            if (min is null || max is null)
            {
                Problem(at, "needs rate, or min_rate and max_rate");
                return new LoadSimulation.InjectRandom(1, 1, during, interval);
            }

            if (min > max)
            {
                Problem($"{at}.min_rate", string.Create(C, $"{min} is above max_rate {max}"));
            }

            return new LoadSimulation.InjectRandom(min.Value, max.Value, during, interval);
        }

        private IReadOnlyList<LoadStep>? Steps(string at, JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0)
            {
                Problem(at, $"is not a non-empty list of steps ({string.Join(", ", LoadSteps.Names)})");
                return null;
            }

            var steps = new List<LoadStep>();
            foreach (var e in v.EnumerateArray())
            {
                var name = e.ValueKind == JsonValueKind.String ? e.GetString() : e.ToString();
                if (LoadSteps.TryParse(name, out var step))
                {
                    steps.Add(step);
                }
                else
                {
                    Problem(at, $"'{name}' is not a step; the steps are {string.Join(", ", LoadSteps.Names)}");
                }
            }

            return steps;
        }

        private List<Threshold>? Thresholds(string at, JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.Array)
            {
                Problem(at, "is not a list of threshold expressions, e.g. [\"p99<250ms\", \"errors<1%\"]");
                return null;
            }

            var list = new List<Threshold>();
            var i = 0;
            foreach (var e in v.EnumerateArray())
            {
                var here = $"{at}[{i++}]";
                var text = String(here, e);
                if (text is null)
                {
                    continue;
                }

                var t = Threshold.Parse(text, out var problem);
                if (t is null)
                {
                    Problem(here, $"'{text}': {problem}");
                }
                else
                {
                    list.Add(t);
                }
            }

            return list;
        }

        private string? String(string at, JsonElement v)
        {
            if (v.ValueKind == JsonValueKind.String)
            {
                return v.GetString();
            }

            Problem(at, $"is not a string (found {Describe(v)})");
            return null;
        }

        private double? Positive(string at, JsonElement v)
        {
            if (v.ValueKind == JsonValueKind.Number && v.GetDouble() is var n && n > 0 && double.IsFinite(n))
            {
                return n;
            }

            Problem(at, $"is not a positive number (found {Describe(v)})");
            return null;
        }

        private long? Whole(string at, JsonElement v)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n >= 1 && n <= int.MaxValue)
            {
                return n;
            }

            Problem(at, $"is not a whole number of at least 1 (found {Describe(v)})");
            return null;
        }

        private int? Int(string at, JsonElement v)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n))
            {
                return n;
            }

            Problem(at, $"is not a whole number (found {Describe(v)})");
            return null;
        }

        // A duration: "30s", "2m", "500ms", "1h", or a number of seconds.
        private TimeSpan? Duration(string at, JsonElement v, bool allowZero)
        {
            var text = v.ValueKind switch
            {
                JsonValueKind.String => v.GetString()!,
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            };
            if (text is not null && LoadOptionsParser.TryParseDuration(text, out var d) && (allowZero || d > TimeSpan.Zero))
            {
                return d;
            }

            Problem(at, $"is not a duration{(allowZero ? "" : " above zero")} such as \"30s\", \"2m\" or \"500ms\" (found {Describe(v)})");
            return null;
        }

        private static string Describe(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.String => $"\"{Truncate(v.GetString()!)}\"",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            _ => Truncate(v.GetRawText()),
        };

        private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

        private void Problem(string at, string what) => problems.Add($"{file}: {at}: {what}.");
    }

    // Clean: wait until the silo reports no conversations in flight, so its metrics are final.
    private static async Task WaitIdleAsync(ILoadTarget target, TimeSpan timeout, CancellationToken cancellation)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var inFlight = await target.InFlightAsync(cancellation).ConfigureAwait(false);
            if (inFlight is null or 0)
            {
                return;
            }

            await Task.Delay(200, cancellation).ConfigureAwait(false);
        }
    }
}
