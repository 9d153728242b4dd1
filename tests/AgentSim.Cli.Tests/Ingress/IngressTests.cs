using System.Net;
using System.Text.Json;

namespace AgentSim.Cli.Tests.Ingress;

// Alone: the metrics exporter listens to every AgentSim meter in the process, and these tests count exactly.
[Collection(nameof(IngressTests))]
[CollectionDefinition(nameof(IngressTests), DisableParallelization = true)]
public sealed class IngressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_Answers202WithIdAndLocation_AndGetFollowsItToItsOutcome()
    {
        await using var live = await LiveHost.StartAsync("baseline", timeScale: 1000);
        using var response = await live.Http.PostAsync("/api/conversations", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal($"/api/conversations/{id}", response.Headers.Location?.ToString());
        Assert.Equal("running", body.GetProperty("status").GetString());

        JsonElement view;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(50, Ct);
            view = JsonDocument.Parse(await live.Http.GetStringAsync(response.Headers.Location, Ct)).RootElement;
        }
        while (view.GetProperty("status").GetString() != "ended" && DateTime.UtcNow < deadline);

        Assert.Equal("ended", view.GetProperty("status").GetString());
        Assert.Contains(view.GetProperty("outcome").GetString(), new[] { "resolved", "escalated", "abandoned", "failed" });
        Assert.True(view.GetProperty("turns").GetInt32() >= 0);
        Assert.True(view.GetProperty("simulated_seconds").GetDouble() > 0);
    }

    [Fact]
    public async Task PostWait_TakesAboutTheScaledSimulatedTime_AndTheSameSeedGivesTheSameConversation()
    {
        // At time scale 100 a conversation's wall time is its simulated time / 100 plus the silo's overhead: never less.
        await using var live = await LiveHost.StartAsync("baseline", timeScale: 100);
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var first = await live.WaitForAsync($$"""{"channel":"web_chat","seed":{{seed}}}""");
            var second = await live.WaitForAsync($$"""{"channel":"web_chat","seed":{{seed}}}""");
            Assert.Equal(first.GetProperty("outcome").GetString(), second.GetProperty("outcome").GetString());
            Assert.Equal(first.GetProperty("turns").GetInt32(), second.GetProperty("turns").GetInt32());
            // Provider latency grows with the quota's utilisation in the epoch before (the other conversation's requests),
            // so the same conversation may take a little longer or shorter; its draws, turns and outcome are the same.
            Assert.Equal(first.GetProperty("simulated_seconds").GetDouble(), second.GetProperty("simulated_seconds").GetDouble(), first.GetProperty("simulated_seconds").GetDouble() * 0.01);
            var simulated = first.GetProperty("simulated_seconds").GetDouble();
            var wall = first.GetProperty("wall_seconds").GetDouble();
            Assert.True(wall >= (simulated / 100) - 0.002, $"seed {seed}: {wall} s of wall time for {simulated} simulated seconds at time scale 100");
            Assert.True(wall <= (simulated / 100) + 1.0, $"seed {seed}: {wall} s of wall time for {simulated} simulated seconds at time scale 100");
        }
    }

    [Fact]
    public async Task EveryAcceptedConversation_IsCountedOnceAndEndsInExactlyOneOutcome()
    {
        await using var live = await LiveHost.StartAsync("baseline", timeScale: 2000);
        var startedBefore = await live.MetricAsync("agentsim_conversations_started_total");
        var endedBefore = await live.MetricAsync("agentsim_conversations_ended_total");
        const int Count = 400;
        var ids = new List<long>();
        for (var i = 0; i < Count; i++)
        {
            using var response = await live.Http.PostAsync("/api/conversations", null, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetInt64());
        }

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (live.Run.Conversations.InFlight > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Equal(0, live.Run.Conversations.InFlight);
        Assert.Equal(Count, ids.Distinct().Count());
        var outcomes = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            var view = live.Run.Conversations.View(id, live.Run.NowMicros)!;
            Assert.Equal("ended", view.Status);
            outcomes[view.Outcome!] = outcomes.GetValueOrDefault(view.Outcome!) + 1;
        }

        Assert.Equal(Count, outcomes.Values.Sum());
        Assert.Equal(Count, await live.MetricAsync("agentsim_conversations_started_total") - startedBefore);
        Assert.Equal(Count, await live.MetricAsync("agentsim_conversations_ended_total") - endedBefore);
        Assert.True(outcomes.Count >= 2, $"outcomes: {string.Join(", ", outcomes)}");
    }

    [Fact]
    public async Task PastTheAdmissionLimit_Answers503WithRetryAfter_AndCountsTheShedArrival()
    {
        // At time scale 0.01 nothing ends during the test, so the three admitted stay in flight.
        await using var live = await LiveHost.StartAsync("baseline", timeScale: 0.01, maxInFlight: 3);
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await live.Http.PostAsync("/api/conversations", null, Ct);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var refused = await live.Http.PostAsync("/api/conversations", null, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await live.MetricAsync("agentsim_arrivals_shed_total", "reason", "admission"));
        Assert.Equal(3, live.Run.Conversations.InFlight);
        var view = JsonDocument.Parse(await live.Http.GetStringAsync("/api/conversations/1", Ct)).RootElement;
        Assert.Equal("running", view.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("POST", "/api/conversations", "application/json", """{"channel":"fax"}""", 400, "channel: 'fax' is not a channel")]
    [InlineData("POST", "/api/conversations", "application/json", """{"intent":"astrology"}""", 400, "intent: 'astrology' is not one of the scenario's intents")]
    [InlineData("POST", "/api/conversations", "application/json", """{"tier":"diamond"}""", 400, "tier: 'diamond' is not one of the scenario's customer tiers")]
    [InlineData("POST", "/api/conversations", "application/json", """{"seed":"abc"}""", 400, "seed (line 1): wrong type")]
    [InlineData("POST", "/api/conversations", "application/json", """{"seed":-1}""", 400, "seed (line 1): wrong type")]
    [InlineData("POST", "/api/conversations", "application/json", """{"colour":"red"}""", 400, "colour (line 1): unknown field")]
    [InlineData("POST", "/api/conversations", "application/json", """{"channel":""", 400, "not valid JSON")]
    [InlineData("POST", "/api/conversations", "text/plain", "hello", 415, "must be JSON")]
    [InlineData("POST", "/api/conversations?wait=maybe", null, null, 400, "wait: 'maybe' is not true or false")]
    [InlineData("GET", "/api/conversations/abc", null, null, 400, "'abc' is not a conversation id")]
    [InlineData("GET", "/api/conversations/0", null, null, 400, "'0' is not a conversation id")]
    [InlineData("GET", "/api/conversations/987654321", null, null, 404, "no conversation 987654321")]
    [InlineData("DELETE", "/api/conversations", null, null, 405, "POST")]
    [InlineData("PUT", "/api/conversations/1", null, null, 405, "GET, HEAD")]
    public async Task ABadRequest_GetsA4xxProblemNamingWhatIsWrong(string method, string path, string? contentType, string? body, int status, string detail)
    {
        await using var live = await LiveHost.StartAsync("baseline", timeScale: 1);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType!);
        }

        using var response = await live.Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (status == 405)
        {
            // For 405 the expected text is the Allow header: the route's own methods, no others.
            Assert.Equal(detail, string.Join(", ", response.Content.Headers.Allow));
        }
        else
        {
            Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, live.Run.Conversations.Admitted);
    }

    [Fact]
    public async Task ASiloWithoutAScenario_Answers409_NotAServerError()
    {
        await using var live = await LiveHost.StartAsync("baseline", timeScale: 1, scenario: false);
        using var response = await live.Http.PostAsync("/api/conversations", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("--scenario", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOrleansIngressGrain_StartsAndReportsConversationsThroughTheSameAdmission()
    {
        await using var live = await LiveHost.StartAsync("baseline", timeScale: 0.01, maxInFlight: 2);
        var ingress = live.Host.Client.GetGrain<AgentSim.Abstractions.Grains.IIngressGrain>(0);
        var first = await ingress.StartConversationAsync(new AgentSim.Abstractions.Messages.ConversationSpec(Channel: "voice"));
        var second = await ingress.StartConversationAsync(new AgentSim.Abstractions.Messages.ConversationSpec());
        var third = await ingress.StartConversationAsync(new AgentSim.Abstractions.Messages.ConversationSpec());
        var wrong = await ingress.StartConversationAsync(new AgentSim.Abstractions.Messages.ConversationSpec(Tier: "diamond"));

        Assert.True(first.Accepted && second.Accepted);
        Assert.Equal(AgentSim.Abstractions.Messages.IngressStatus.Overloaded, third.Status);
        Assert.Equal(1, third.RetryAfterSeconds);
        Assert.Equal(AgentSim.Abstractions.Messages.IngressStatus.Invalid, wrong.Status);
        Assert.Contains(wrong.Problems!, p => p.StartsWith("tier:", StringComparison.Ordinal));
        var view = await ingress.GetConversationAsync(first.Id);
        Assert.Equal("voice", view!.Channel);
        Assert.Equal("running", view.Status);
        Assert.Null(await ingress.GetConversationAsync(12345));
    }
}
