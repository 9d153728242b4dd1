using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Scenarios;

namespace AgentSim.LoadTests.Tests.Config;

/// <summary>The JSON config file: equivalent to the flags, scenarios only it can say, and errors that name the file and field.</summary>
public sealed class LoadConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentsim-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir, $"load-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Parse_ConfigWithFlagsKeys_EqualsTheSameFlags()
    {
        var path = Write("""
            { "target": "noop", "simulation": "inject-random", "rate": 250, "duration": "12s", "warmup": "2s", "seed": 9,
              "max_in_flight": 77, "out": "r", "thresholds": ["p99<100ms"], "abort_on": ["errors<5%"], "abort_delay": "3s", "steps": ["start", "status"] }
            """);

        var fromFile = LoadOptionsParser.Parse(["--config", path], out var p1, out _);
        var fromFlags = LoadOptionsParser.Parse(["--target", "noop", "--simulation", "inject-random", "--rate", "250", "--duration", "12s", "--warmup", "2s", "--seed", "9",
            "--max-in-flight", "77", "--out", "r", "--threshold", "p99<100ms", "--abort-on", "errors<5%", "--abort-delay", "3s", "--steps", "start,status"], out var p2, out _);

        Assert.Empty(p1);
        Assert.Empty(p2);
        Assert.NotNull(fromFile);
        Assert.NotNull(fromFlags);
        Assert.Equal(fromFlags.Settings(fromFlags.Plan([])!).Simulation, fromFile.Settings(fromFile.Plan([])!).Simulation);
        Assert.Equal(
            (fromFlags.Target, fromFlags.Rate, fromFlags.Duration, fromFlags.Warmup, fromFlags.Seed, fromFlags.MaxInFlight, fromFlags.Out, fromFlags.AbortDelay),
            (fromFile.Target, fromFile.Rate, fromFile.Duration, fromFile.Warmup, fromFile.Seed, fromFile.MaxInFlight, fromFile.Out, fromFile.AbortDelay));
        Assert.Equal(fromFlags.Thresholds!.Select(t => t.Text), fromFile.Thresholds!.Select(t => t.Text));
        Assert.Equal(fromFlags.AbortOn!.Select(t => t.Text), fromFile.AbortOn!.Select(t => t.Text));
        Assert.Equal(fromFlags.Steps, fromFile.Steps);
    }

    [Fact]
    public void Parse_FlagsBesideConfig_OverrideItsValuesWhicheverComesFirst()
    {
        var path = Write("""{ "rate": 250, "seed": 9 }""");

        var o = LoadOptionsParser.Parse(["--rate", "40", "--config", path], out var problems, out _);

        Assert.Empty(problems);
        Assert.Equal(40, o!.Rate);
        Assert.Equal(9, o.Seed);
    }

    [Fact]
    public void Parse_WeightedScenarios_ShareTheTopLevelSimulations()
    {
        var path = Write("""
            {
              "load_simulations": [ { "ramping-inject": { "rate": 100, "during": "5s" } }, { "pause": { "during": "1s" } }, { "inject": { "rate": 50, "during": "4s" } } ],
              "scenarios": [
                { "name": "a", "weight": 3, "feed": { "channel": { "voice": 1, "sms": 1 } } },
                { "name": "b", "weight": 1, "steps": ["start", "status"], "feed": { "items": [ { "channel": "email", "tier": "gold" } ], "order": "random" } }
              ]
            }
            """);

        var o = LoadOptionsParser.Parse(["--config", path], out var problems, out _);
        var plan = o!.Plan([]);

        Assert.Empty(problems);
        Assert.NotNull(plan);
        Assert.True(plan.Weighted);
        Assert.Equal(TimeSpan.FromSeconds(10), plan.Duration);
        Assert.Equal([LoadStep.Start, LoadStep.Status], plan.Scenarios[1].Steps);

        // 250 arrivals in the ramp (half of 100/s × 5 s), none in the pause, 200 after: 45/s over the 10 s.
        Assert.Equal(45, o.Settings(plan).Rate, 9);
    }

    [Fact]
    public void Parse_SyntaxError_NamesTheFileAndLine()
    {
        var path = Write("{\n  \"rate\": 100,\n  \"seed\": ,\n}");

        var o = LoadOptionsParser.Parse(["--config", path], out var problems, out _);

        Assert.Null(o);
        var problem = Assert.Single(problems);
        Assert.StartsWith($"{path}: line 3,", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "rate": -3 }""", "rate: is not a positive number")]
    [InlineData("""{ "rates": 3 }""", "rates: unknown setting")]
    [InlineData("""{ "scenarios": [ { "name": "a", "load_simulations": [ { "inject": { "rate": 5 } } ] } ] }""", "scenarios[0].load_simulations[0].inject.during: missing")]
    [InlineData("""{ "scenarios": [ { "name": "a", "load_simulations": [ { "inject": { "rate": 5, "during": "1s", "copies": 2 } } ] } ] }""", "scenarios[0].load_simulations[0].inject.copies: not a setting of inject")]
    [InlineData("""{ "scenarios": [ { "name": "a", "load_simulations": [ { "surge": { "rate": 5 } } ] } ] }""", "scenarios[0].load_simulations[0].surge: 'surge' is not a load simulation")]
    [InlineData("""{ "scenarios": [ { "name": "a", "feed": { "channel": { "pigeon": 1 } }, "load_simulations": [ { "inject": { "rate": 5, "during": "1s" } } ] } ] }""", "scenarios[0].feed.channel.pigeon: 'pigeon' is not a channel")]
    [InlineData("""{ "scenarios": [ { "load_simulations": [ { "inject": { "rate": 5, "during": "1s" } } ] } ] }""", "scenarios[0].name: missing")]
    [InlineData("""{ "scenarios": [ { "name": "a", "steps": ["start", "teleport"], "load_simulations": [ { "inject": { "rate": 5, "during": "1s" } } ] } ] }""", "scenarios[0].steps: 'teleport' is not a step")]
    public void Parse_BadField_NamesTheFileAndThePath(string json, string expected)
    {
        var path = Write(json);

        var o = LoadOptionsParser.Parse(["--config", path], out var problems, out _);

        Assert.Null(o);
        Assert.Contains(problems, p => p.StartsWith($"{path}: ", StringComparison.Ordinal) && p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "scenarios": [ { "name": "a", "load_simulations": [ { "inject": { "rate": 5, "during": "1s" } }, { "keep-constant": { "copies": 2, "during": "1s" } } ] } ] }""", "cannot be mixed")]
    [InlineData("""{ "load_simulations": [ { "inject": { "rate": 5, "during": "1s" } } ], "scenarios": [ { "name": "a", "weight": 1 }, { "name": "b" } ] }""", "(b): weight: missing")]
    [InlineData("""{ "scenarios": [ { "name": "a", "load_simulations": [ { "inject": { "rate": 5, "during": "1s" } } ] }, { "name": "a", "load_simulations": [ { "inject": { "rate": 5, "during": "1s" } } ] } ] }""", "the name 'a' is used 2 times")]
    [InlineData("""{ "scenarios": [ { "name": "a", "steps": ["status"], "load_simulations": [ { "inject": { "rate": 5, "during": "1s" } } ] } ] }""", "'status' needs a 'start' or 'converse' step before it")]
    [InlineData("""{ "scenarios": [ { "name": "a", "load_simulations": [ { "iterations-for-constant": { "copies": 2, "iterations": 9 } }, { "pause": { "during": "1s" } } ] } ] }""", "must be the last")]
    public async Task Run_PlanBreaksARule_ExitsTwoNamingTheRule(string json, string expected)
    {
        var path = Write(json);
        var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync(["--target", "noop", "--config", path], new StringWriter(), error, TestContext.Current.CancellationToken);

        Assert.Equal(LoadTestRunner.BadInput, code);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--simulation", "keep-constant" }, "--copies: keep-constant (closed model) needs --copies")]
    [InlineData(new[] { "--simulation", "inject", "--copies", "3" }, "--copies: only with a closed-model simulation")]
    [InlineData(new[] { "--simulation", "iterations-for-inject" }, "--iterations: iterations-for-inject needs --iterations")]
    [InlineData(new[] { "--simulation", "pause" }, "'pause' loads nothing on its own")]
    [InlineData(new[] { "--simulation", "keep-constant", "--copies", "2", "--threshold", "achieved>=95%" }, "the achieved rate needs the open model")]
    [InlineData(new[] { "--simulation", "keep-constant", "--copies", "2", "--find-capacity" }, "--find-capacity: steps the rate of one inject or inject-random scenario")]
    public async Task Run_FlagsForTheWrongModel_ExitTwoNamingTheFlag(string[] flags, string expected)
    {
        var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync(["--target", "noop", "--duration", "1s", .. flags], new StringWriter(), error, TestContext.Current.CancellationToken);

        Assert.Equal(LoadTestRunner.BadInput, code);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingFile_NamesIt()
    {
        var path = Path.Combine(_dir, "nope.json");

        var o = LoadOptionsParser.Parse(["--config", path], out var problems, out _);

        Assert.Null(o);
        Assert.Contains(problems, p => p.Contains(path, StringComparison.Ordinal) && p.StartsWith("--config: cannot read", StringComparison.Ordinal));
    }

    [Fact]
    public void ExampleConfig_InTheRepository_IsValid()
    {
        var example = Path.Combine(AppContext.BaseDirectory, "examples", "mixed-channels.json");

        var o = LoadOptionsParser.Parse(["--config", example], out var problems, out _);

        Assert.Empty(problems);
        var plan = o!.Plan([]);
        Assert.NotNull(plan);
        Assert.Equal(["start", "start_and_check"], plan.Scenarios.Select(s => s.Name));
        Assert.Equal(TimeSpan.FromSeconds(95), plan.Duration);
    }
}
