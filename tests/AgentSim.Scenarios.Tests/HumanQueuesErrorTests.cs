namespace AgentSim.Scenarios.Tests;

/// <summary>Every problem in <c>human_queues</c>, an agent's <c>queue</c> and the removed <c>human_capacity_per_hour</c> is reported as file:line: field: message.</summary>
public sealed class HumanQueuesErrorTests
{
    private const string File = "q.yaml";

    [Fact]
    public void Validate_BadQueues_ReportsEveryProblemWithItsLineAndField()
    {
        var problems = ScenarioLoader.ValidateText(HumanQueuesYaml.Scenario("""
            human_queues:
              - name: q1
                servers: 0
                handle_time: {mean_seconds: 60, p50_ms: 1000}
                patience: {by_channel: {fax: 10, voice: 0}}
                service_level_seconds: 0
                priority: [gold, vip, gold]
                size: 3
              - name: q1
                servers: lots
                handle_time: {}
              - servers: 5
                handle_time: {p50_ms: 2000, p99_ms: 1000}
              - name: q4
                handle_time: {p50_ms: 2000}
                patience: {mean_seconds: -5}
                servers: 2.5
            """), File);

        Assert.Equal("must be between 1 and 2147483647, got 0", Message(problems, 14, "human_queues[0].servers"));
        Assert.Equal("give either mean_seconds (exponential) or p50_ms and p99_ms (log-normal), not both", Message(problems, 15, "human_queues[0].handle_time"));
        Assert.Equal(
            "required key is missing; give the mean time a waiting customer stays, e.g. mean_seconds: 600 (omit patience and nobody leaves)",
            Message(problems, 16, "human_queues[0].patience.mean_seconds"));
        Assert.StartsWith("unknown channel 'fax'; allowed: web_chat,", Message(problems, 16, "human_queues[0].patience.by_channel.fax"), StringComparison.Ordinal);
        Assert.Equal("must be greater than 0, got 0", Message(problems, 16, "human_queues[0].patience.by_channel.voice"));
        Assert.Equal("must be greater than 0, got 0", Message(problems, 17, "human_queues[0].service_level_seconds"));
        Assert.Equal("tier 'gold' is listed twice", Message(problems, 18, "human_queues[0].priority[2]"));
        Assert.Equal("unknown customer tier 'vip'; tiers (from customers.tiers): standard, gold, platinum", Message(problems, 18, "human_queues[0].priority[1]"));
        Assert.Equal(
            "unknown key 'size'; allowed keys: name, servers, handle_time, patience, service_level_seconds, priority",
            Message(problems, 19, "human_queues[0].size"));
        Assert.Equal("duplicate queue name 'q1' (first at line 13); names must be unique", Message(problems, 20, "human_queues[1].name"));
        Assert.Equal("expected a whole number of servers (1 or more) or 'unlimited', got 'lots'", Message(problems, 21, "human_queues[1].servers"));
        Assert.Equal(
            "give mean_seconds (exponential, e.g. {mean_seconds: 360}) or p50_ms and p99_ms (log-normal, e.g. {p50_ms: 240000, p99_ms: 1200000})",
            Message(problems, 22, "human_queues[1].handle_time"));
        Assert.Equal("required key is missing", Message(problems, 23, "human_queues[2].name"));
        Assert.Equal("p99_ms (1000) must be at least p50_ms (2000)", Message(problems, 24, "human_queues[2].handle_time.p99_ms"));
        Assert.Equal("required key is missing; a log-normal handle time needs both p50_ms and p99_ms", Message(problems, 26, "human_queues[3].handle_time.p99_ms"));
        Assert.Equal("must be greater than 0, got -5", Message(problems, 27, "human_queues[3].patience.mean_seconds"));
        Assert.Equal("expected a whole number of servers (1 or more) or 'unlimited', got '2.5'", Message(problems, 28, "human_queues[3].servers"));
        Assert.Equal(17, problems.Count);
    }

    [Theory]
    [InlineData("human_queues: []", "list at least one queue, or remove human_queues (without it every handover goes to one queue with unlimited servers)")]
    [InlineData("human_queues:", "list at least one queue, or remove human_queues (without it every handover goes to one queue with unlimited servers)")]
    [InlineData("human_queues: {name: q}", "expected a list, got a mapping")]
    public void Validate_NoListOfQueues_SaysSo(string queues, string message)
    {
        var problem = Assert.Single(ScenarioLoader.ValidateText(HumanQueuesYaml.Scenario(queues), File));

        Assert.Equal((12, "human_queues", message), (problem.Line, problem.Field, problem.Message));
    }

    [Theory]
    [InlineData("handle_time: 360", "handle_time", "expected {mean_seconds: X} (exponential) or {p50_ms: X, p99_ms: Y} (log-normal), got '360'")]
    [InlineData("patience: unlimited", "patience", "expected {mean_seconds: X}, optionally with by_channel, got 'unlimited'; omit patience and nobody leaves")]
    [InlineData("patience: ~", "patience", "expected {mean_seconds: X}, optionally with by_channel, got nothing (null); omit patience and nobody leaves")]
    public void Validate_SpecGivenAsAValue_SaysWhichMappingItTakes(string line, string key, string message)
    {
        var problem = Assert.Single(ScenarioLoader.ValidateText(HumanQueuesYaml.Scenario($"human_queues:\n  - name: q\n    {line}"), File));

        Assert.Equal((14, $"human_queues[0].{key}", message), (problem.Line, problem.Field, problem.Message));
    }

    [Fact]
    public void Validate_HandleTimeOfZero_MustBePositive()
    {
        var problem = Assert.Single(ScenarioLoader.ValidateText(HumanQueuesYaml.Scenario("human_queues:\n  - name: q\n    handle_time: {mean_seconds: 0}"), File));

        Assert.Equal((14, "human_queues[0].handle_time.mean_seconds", "must be greater than 0, got 0"), (problem.Line, problem.Field, problem.Message));
    }

    [Fact]
    public void Validate_AgentNamesAnUnknownQueue_ListsTheQueues()
    {
        var problems = ScenarioLoader.ValidateText(
            HumanQueuesYaml.Scenario("human_queues: [{name: humans}, {name: overflow}]", "agents:\n  - name: a1\n    queue: desk"), File);

        var problem = Assert.Single(problems);
        Assert.Equal((15, "agents[0].queue", "unknown queue 'desk'; queues (from human_queues): humans, overflow"), (problem.Line, problem.Field, problem.Message));
    }

    [Fact]
    public void Validate_AgentNamesAQueueWithoutHumanQueues_SaysToDefineThem()
    {
        var problem = Assert.Single(ScenarioLoader.ValidateText(Yaml.Minimal + "\n    queue: desk", File));

        Assert.Equal((11, "agents[0].queue"), (problem.Line, problem.Field));
        Assert.Equal(
            "unknown queue 'desk': the scenario has no human_queues; define human_queues, e.g. human_queues: [{name: desk, servers: 60, handle_time: {mean_seconds: 360}}]",
            problem.Message);
    }

    [Fact]
    public void Validate_HumanCapacityPerHour_IsRemovedAndNamesHumanQueues()
    {
        var problem = Assert.Single(ScenarioLoader.ValidateText(Yaml.Minimal + "\n    governance:\n      incident_budget: 5\n      human_capacity_per_hour: 600", File));

        Assert.Equal((13, "agents[0].governance.human_capacity_per_hour"), (problem.Line, problem.Field));
        Assert.Equal(
            "removed; human handovers now go through human_queues (e.g. human_queues: [{name: humans, servers: 60, handle_time: {mean_seconds: 360}}]); see docs/scenarios.md",
            problem.Message);
    }

    [Fact]
    public void Validate_UnknownGovernanceKey_DoesNotOfferTheRemovedKey()
    {
        var problem = Assert.Single(ScenarioLoader.ValidateText(Yaml.Minimal + "\n    governance: {colour: 1}", File));

        Assert.Equal("unknown key 'colour'; allowed keys: incident_budget, failure_budget, window_minutes, cooldown_minutes, fallback, previous_version", problem.Message);
    }

    private static string Message(IReadOnlyList<ScenarioProblem> problems, int line, string field) => ProblemAssert.Has(problems, File, line, field).Message;
}
