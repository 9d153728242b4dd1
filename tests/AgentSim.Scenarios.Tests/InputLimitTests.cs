namespace AgentSim.Scenarios.Tests;

public sealed class InputLimitTests : IDisposable
{
    private readonly TempScenarioDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Validate_FlowListNested30000Deep_ReportsTheDepthLimitInsteadOfOverflowingTheStack()
    {
        // 67 KB: the file that killed validate, run and silo with a stack overflow (exit 134).
        var path = _dir.Write("deep.yaml", "junk: " + new string('[', 30_000) + new string(']', 30_000) + "\n");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((path, 1, "junk"), (problem.File, problem.Line, problem.Field));
        Assert.StartsWith("lists and mappings nested deeper than 64 levels (at column ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MappingsNested30000Deep_ReportsTheDepthLimit()
    {
        var path = _dir.Write("deep-map.yaml", string.Concat(Enumerable.Repeat("{a: ", 30_000)) + "1" + new string('}', 30_000) + "\n");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal(1, problem.Line);
        Assert.StartsWith("a.a.a.", problem.Field, StringComparison.Ordinal);
        Assert.Contains("deeper than 64 levels", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DeepValueInsideAList_NamesTheKeyHoldingIt()
    {
        var path = _dir.Write("deep-item.yaml", Yaml.Minimal.Replace(
            "    channels: [web_chat]",
            "    channels: [web_chat]\n    extra: " + new string('[', 100) + new string(']', 100),
            StringComparison.Ordinal));

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((7, "providers[0].extra"), (problem.Line, problem.Field));
    }

    [Fact]
    public void Validate_NestingAtTheLimit_IsReadNormally()
    {
        // The root mapping and 63 lists: 64 levels, allowed; the only problem is the unknown key.
        var path = _dir.Write("at-limit.yaml", Yaml.Minimal + "\njunk: " + new string('[', 63) + new string(']', 63) + "\n");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal("junk", problem.Field);
        Assert.StartsWith("unknown key 'junk'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NanosecondEpoch_ReportsTheMinimumEpochLength()
    {
        var path = _dir.Write("epoch.yaml", Yaml.Minimal + "\ntime:\n  epoch_seconds: 1e-9\n");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((12, "time.epoch_seconds"), (problem.Line, problem.Field));
        Assert.Equal("must be between 0.001 (one millisecond) and 86400 (one day) seconds, got 1E-09", problem.Message);
    }

    [Fact]
    public void Validate_RateOf1eMinus300_ReportsTheMinimumRate()
    {
        var path = _dir.Write("rate.yaml", Yaml.Minimal + "\narrivals:\n  rate_per_second: 1e-300\n");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((12, "arrivals.rate_per_second"), (problem.Line, problem.Field));
        Assert.StartsWith("must be at least 0.000001 ", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith(", got 1E-300", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HugeConversationCount_ReportsTheMaximum()
    {
        var path = _dir.Write("many.yaml", Yaml.Minimal + "\nconversations: 99999999999999\n");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((11, "conversations"), (problem.Line, problem.Field));
        Assert.Equal("must be between 1 and 1000000000, got 99999999999999", problem.Message);
    }

    [Fact]
    public void Validate_ValuesThatEachPassButNeedTooManyEpochs_ReportsTheEpochLimit()
    {
        // 1,000,000 conversations at 0.001 per second in 1 ms epochs: 1e12 epochs.
        var path = _dir.Write("slow.yaml", Yaml.Minimal + "\nconversations: 1000000\narrivals:\n  rate_per_second: 0.001\ntime:\n  epoch_seconds: 0.001\n");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((13, "arrivals.rate_per_second"), (problem.Line, problem.Field));
        Assert.StartsWith("1000000 conversations at 0.001 per second in epochs of 0.001 s need about 1E+12 epochs; the limit is 1,000,000", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxTurnsSoLargeTheDrainNeedsTooManyEpochs_BlamesMaxTurns()
    {
        // 2,000,000,000 turns × 20 s of web-chat think time, in 60-second epochs: about 6.7e8 epochs.
        var path = _dir.Write("turns.yaml", Yaml.Minimal + "\nconversation:\n  max_turns: 2000000000\n");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((12, "conversation.max_turns"), (problem.Line, problem.Field));
        Assert.StartsWith("conversations last up to about 4E+10 s (conversation.max_turns 2000000000 × 20 s of mean think time), so epochs of 60 s need about 6.67E+08 epochs; the limit is 1,000,000", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ThinkTimeSoLongTheDrainNeedsTooManyEpochs_BlamesThinkSeconds()
    {
        var path = _dir.Write("think.yaml", Yaml.Minimal.Replace("  mix: {web_chat: 1}", "  mix: {web_chat: 1}\n  think_seconds: {web_chat: 1e12}", StringComparison.Ordinal));

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((4, "channels.think_seconds"), (problem.Line, problem.Field));
        Assert.EndsWith("(lower conversation.max_turns or channels.think_seconds, or raise time.epoch_seconds)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LongRunWithinTheEpochLimit_IsFine()
    {
        // 100,000 conversations at 1 per second in 1-second epochs, plus the drain: about 100,320 epochs.
        var path = _dir.Write("long.yaml", Yaml.Minimal + "\nconversations: 100000\ntime:\n  epoch_seconds: 1\n");

        Assert.Empty(ScenarioLoader.Validate(path));
    }

    [Fact]
    public void Epochs_Baseline_CountsArrivalsAndTheDrain()
    {
        var config = ScenarioLoader.LoadText(Presets.ResolveText("baseline"), "baseline.yaml");

        // 20,000 conversations at 1 per second, then 16 turns × 3600 s (email's mean think time), in 60-second epochs.
        Assert.Equal((20_000 + (16 * 3600.0)) / 60, Reading.RunLimits.Epochs(config, 20_000), 6);
    }
}
