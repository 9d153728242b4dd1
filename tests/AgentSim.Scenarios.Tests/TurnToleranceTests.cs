using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;

namespace AgentSim.Scenarios.Tests;

/// <summary><c>customers.turn_tolerance</c>: a map channel → <c>{mean_seconds: X}</c>, read into per-channel means; every problem reported as file:line: field: message.</summary>
public sealed class TurnToleranceTests
{
    private const string File = "t.yaml";

    // The minimal scenario is 10 lines, so customers: is line 11, turn_tolerance: line 12 and its first entry line 13.
    private static string Scenario(string entries) => $"{Yaml.Minimal}\ncustomers:\n  turn_tolerance:\n{entries}\n";

    [Fact]
    public void Load_Omitted_KeepsTheDefaults_VoiceAndWebChatOnly()
    {
        var config = ScenarioLoader.LoadText(Yaml.Minimal, File);

        Assert.Equal(CustomersConfig.DefaultTurnTolerance(), config.Customers.TurnTolerance);
        Assert.Equal(new[] { Channel.WebChat, Channel.Voice }, config.Customers.TurnTolerance.Keys.Order());
    }

    [Fact]
    public void Load_Given_ReplacesTheDefaults()
    {
        var config = ScenarioLoader.LoadText(Scenario("    voice: {mean_seconds: 12.5}\n    whatsapp: {mean_seconds: 600}"), File);

        Assert.Equal(new Dictionary<Channel, double> { [Channel.Voice] = 12.5, [Channel.WhatsApp] = 600 }, config.Customers.TurnTolerance);
    }

    [Fact]
    public void Load_EmptyMap_NobodyHasATolerance()
    {
        Assert.Empty(ScenarioLoader.LoadText($"{Yaml.Minimal}\ncustomers:\n  turn_tolerance: {{}}\n", File).Customers.TurnTolerance);
    }

    [Fact]
    public void Validate_BadTolerances_ReportsEveryProblemWithItsLineAndField()
    {
        var problems = ScenarioLoader.ValidateText(Scenario("""
                fax: {mean_seconds: 10}
                voice: {mean_seconds: 0}
                web_chat: 30
                sms: {mean_seconds: -2}
                rcs: {mean: 5}
                email: {}
            """), File);

        Assert.StartsWith("unknown channel 'fax'; allowed: web_chat,", Message(problems, 13, "customers.turn_tolerance.fax"), StringComparison.Ordinal);
        Assert.Equal("must be greater than 0, got 0", Message(problems, 14, "customers.turn_tolerance.voice.mean_seconds"));
        Assert.Equal("expected {mean_seconds: X} (the mean seconds a customer waits for an answer), got '30'", Message(problems, 15, "customers.turn_tolerance.web_chat"));
        Assert.Equal("must be greater than 0, got -2", Message(problems, 16, "customers.turn_tolerance.sms.mean_seconds"));
        Assert.Equal("unknown key 'mean'; allowed keys: mean_seconds", Message(problems, 17, "customers.turn_tolerance.rcs.mean"));
        Assert.Equal(
            "required key is missing; give the mean seconds a customer waits for an answer, e.g. {mean_seconds: 30}",
            Message(problems, 17, "customers.turn_tolerance.rcs.mean_seconds"));
        Assert.Equal(
            "required key is missing; give the mean seconds a customer waits for an answer, e.g. {mean_seconds: 30}",
            Message(problems, 18, "customers.turn_tolerance.email.mean_seconds"));
        Assert.Equal(7, problems.Count);
    }

    [Fact]
    public void Validate_NotAMap_SaysSo()
    {
        var problem = Assert.Single(ScenarioLoader.ValidateText($"{Yaml.Minimal}\ncustomers:\n  turn_tolerance: [voice]\n", File));

        Assert.Equal((12, "customers.turn_tolerance"), (problem.Line, problem.Field));
        Assert.StartsWith("expected a mapping (name: value), got", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeFrustrationPerTolerance_IsReported()
    {
        var problem = Assert.Single(ScenarioLoader.ValidateText($"{Yaml.Minimal}\nconversation:\n  frustration_per_tolerance: -1\n", File));

        Assert.Equal((12, "conversation.frustration_per_tolerance"), (problem.Line, problem.Field));
    }

    private static string Message(IReadOnlyList<ScenarioProblem> problems, int line, string field) => ProblemAssert.Has(problems, File, line, field).Message;
}
