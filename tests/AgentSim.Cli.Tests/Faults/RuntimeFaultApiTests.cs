using System.Net;
using System.Text.Json;

namespace AgentSim.Cli.Tests.Faults;

/// <summary>
/// The contract of <c>/api/faults</c> on a real silo: 201 with id and Location, the fault listed and shown, ended early
/// with 204 and then gone from the list, 404 for an unknown id, 400 problem details naming the wrong field (never 500),
/// and the <c>agentsim_faults_active{kind,scope}</c> gauge following each fault's wall-clock window.
/// </summary>
// Alone: the metrics exporter listens to every AgentSim meter in the process. The exporter caches a scrape briefly, so
// the gauge is polled for.
[Collection(nameof(RuntimeFaultApiTests))]
[CollectionDefinition(nameof(RuntimeFaultApiTests), DisableParallelization = true)]
public sealed class RuntimeFaultApiTests
{
    private const string Active = "agentsim_faults_active";

    [Fact]
    public async Task Post_Answers201WithIdAndLocation_ListedAndShown_DeleteEndsIt_AndTheGaugeFollows()
    {
        await using var silo = await FaultSilo.StartAsync();
        var (status, body, response) = await silo.PostAsync("""{"kind":"provider_outage","provider":"omnicx","duration":60}""");
        using (response)
        {
            Assert.Equal(HttpStatusCode.Created, status);
            var id = body.GetProperty("id").GetInt64();
            Assert.Equal($"/api/faults/{id}", response.Headers.Location?.ToString());
            Assert.Equal($"/api/faults/{id}", body.GetProperty("location").GetString());
            Assert.Equal("active", body.GetProperty("status").GetString());
            Assert.Equal("provider_outage", body.GetProperty("kind").GetString());
            Assert.Equal("omnicx", body.GetProperty("scope").GetString());
            Assert.Equal("omnicx", body.GetProperty("provider").GetString());
            Assert.False(body.TryGetProperty("rate", out _), "an outage uses no rate");
            Assert.InRange(body.GetProperty("ends_in_seconds").GetDouble(), 50, 60);
            Assert.True(DateTimeOffset.Parse(body.GetProperty("ends_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddSeconds(50));

            var listed = Assert.Single(await silo.ListAsync());
            Assert.Equal(id, listed.GetProperty("id").GetInt64());
            var (shownStatus, shown, r2) = await silo.SendAsync(HttpMethod.Get, $"/api/faults/{id}");
            r2.Dispose();
            Assert.Equal(HttpStatusCode.OK, shownStatus);
            Assert.Equal("active", shown.GetProperty("status").GetString());
            Assert.True(await FaultSilo.EventuallyAsync(async () => await silo.MetricAsync(Active, "kind=provider_outage", "scope=omnicx") == 1, 10), "the gauge never showed the fault");
            Assert.Contains(silo.Run.Faults.Windows, w => w.Kind == Model.Faults.FaultKind.ProviderOutage);

            var (endStatus, _, r3) = await silo.SendAsync(HttpMethod.Delete, $"/api/faults/{id}");
            r3.Dispose();
            Assert.Equal(HttpStatusCode.NoContent, endStatus);
            Assert.Empty(await silo.ListAsync());
            var (afterStatus, after, r4) = await silo.SendAsync(HttpMethod.Get, $"/api/faults/{id}");
            r4.Dispose();
            Assert.Equal(HttpStatusCode.OK, afterStatus);
            Assert.Equal("ended", after.GetProperty("status").GetString());
            Assert.True(await FaultSilo.EventuallyAsync(async () => await silo.MetricAsync(Active, "kind=provider_outage", "scope=omnicx") == 0, 10), "the gauge never went back to 0");
            Assert.DoesNotContain(silo.Run.Faults.Windows, w => w.Kind == Model.Faults.FaultKind.ProviderOutage);

            // Ending it again changes nothing.
            var (againStatus, _, r5) = await silo.SendAsync(HttpMethod.Delete, $"/api/faults/{id}");
            r5.Dispose();
            Assert.Equal(HttpStatusCode.NoContent, againStatus);
        }
    }

    [Fact]
    public async Task TwoFaultsOfOneKindAndScope_AreOneSeriesCountingTwo_LabelsNeverIds()
    {
        await using var silo = await FaultSilo.StartAsync();
        await silo.AddAsync("""{"kind":"provider_throttling","provider":"omnicx","channel":"voice","rate":0.5,"duration":60}""");
        await silo.AddAsync("""{"kind":"provider_throttling","provider":"omnicx","channel":"voice","rate":0.2,"duration":60}""");
        await silo.AddAsync("""{"kind":"sms_truncation","channel":"sms","rate":0.3,"duration":60}""");
        await silo.AddAsync("""{"kind":"context_store_outage","duration":60}""");
        IReadOnlyList<Telemetry.Sample> series = [];
        Assert.True(await FaultSilo.EventuallyAsync(async () => (series = await silo.SamplesAsync(Active)).Count == 3 && series.Sum(s => double.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture)) == 4, 10), string.Join("; ", series));
        Assert.All(series, s => Assert.Equal(["kind", "scope"], s.Labels.Keys.Where(k => !k.StartsWith("otel_", StringComparison.Ordinal)).Order()));
        Assert.Equal("2", Assert.Single(series, s => s.Labels["scope"] == "omnicx/voice").Value);
        Assert.Equal("1", Assert.Single(series, s => s.Labels["scope"] == "sms").Value);
        Assert.Equal("1", Assert.Single(series, s => s.Labels["scope"] == "all" && s.Labels["kind"] == "context_store_outage").Value);
    }

    [Fact]
    public async Task ScheduledFault_OpensAndClosesInWallTime()
    {
        await using var silo = await FaultSilo.StartAsync();
        var (status, body, response) = await silo.PostAsync("""{"kind":"provider_degradation","provider":"backupcx","added_latency_ms":500,"start":1,"duration":1.5}""");
        response.Dispose();
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("scheduled", body.GetProperty("status").GetString());
        Assert.Equal(500, body.GetProperty("added_latency_ms").GetDouble());
        Assert.Equal(0, await silo.MetricAsync(Active, "kind=provider_degradation"));
        Assert.Equal("scheduled", Assert.Single(await silo.ListAsync()).GetProperty("status").GetString());

        Assert.True(await FaultSilo.EventuallyAsync(async () => (await silo.ListAsync()).SingleOrDefault().ValueKind == JsonValueKind.Object
            && (await silo.ListAsync()).Single().GetProperty("status").GetString() == "active", 20), "the fault never became active");
        Assert.True(await FaultSilo.EventuallyAsync(async () => await silo.MetricAsync(Active, "kind=provider_degradation", "scope=backupcx") == 1, 20), "the gauge never showed it");
        Assert.True(await FaultSilo.EventuallyAsync(async () => (await silo.ListAsync()).Length == 0, 30), "the fault never ended");
        Assert.True(await FaultSilo.EventuallyAsync(async () => await silo.MetricAsync(Active, "kind=provider_degradation", "scope=backupcx") == 0, 20), "the gauge never went back to 0");
    }

    [Fact]
    public async Task TimelineFault_OnTheRealTimeClock_ShowsOnTheGaugeWhileInForce_ButIsNotARuntimeFault()
    {
        // provider-outage scripts omnicx down from simulated minute 20 to 50: at 600× that is wall seconds 2 to 5.
        await using var silo = await FaultSilo.StartAsync("provider-outage", timeScale: 600, timeline: true);
        Assert.True(await FaultSilo.EventuallyAsync(async () => await silo.MetricAsync(Active, "kind=provider_outage", "scope=omnicx") == 1, 20), "the timeline outage never showed");
        Assert.Empty(await silo.ListAsync());
        Assert.True(await FaultSilo.EventuallyAsync(async () => await silo.MetricAsync(Active, "kind=provider_outage", "scope=omnicx") == 0, 20), "the timeline outage never ended on the gauge");
    }

    [Theory]
    [InlineData("""{"kind":"provider_meltdown","provider":"omnicx","duration":5}""", "kind: 'provider_meltdown' is not a fault kind; the kinds are provider_outage, provider_degradation")]
    [InlineData("""{"kind":"provider_outage","provider":"acme","duration":5}""", "provider: unknown provider 'acme'; the scenario's providers are omnicx, backupcx")]
    [InlineData("""{"kind":"provider_outage","duration":5}""", "provider: required: a provider_outage fault names the provider it hits; the scenario's providers are omnicx, backupcx")]
    [InlineData("""{"kind":"provider_outage","provider":"omnicx"}""", "duration: required")]
    [InlineData("""{"provider":"omnicx","duration":5}""", "kind: required, one of provider_outage")]
    [InlineData("""{"kind":"provider_outage","provider":"omnicx","duration":0}""", "duration: must be above 0")]
    [InlineData("""{"kind":"provider_outage","provider":"omnicx","duration":5,"start":-1}""", "start: must be from 0")]
    [InlineData("""{"kind":"provider_outage","provider":"omnicx","duration":"5"}""", "duration: must be a number, got a string")]
    [InlineData("""{"kind":"provider_outage","provider":"omnicx","duration":5,"rate":0.5}""", "rate: a provider_outage fault does not use rate")]
    [InlineData("""{"kind":"provider_outage","provider":"omnicx","duration":5,"guardrail":"platform-audit"}""", "guardrail: a provider_outage fault does not take guardrail")]
    [InlineData("""{"kind":"provider_throttling","provider":"omnicx","duration":5}""", "rate: a provider_throttling fault needs a rate above 0 (the share of requests it throttles)")]
    [InlineData("""{"kind":"provider_throttling","provider":"omnicx","rate":1.5,"duration":5}""", "rate: must be a probability from 0 to 1, got 1.5")]
    [InlineData("""{"kind":"provider_degradation","provider":"omnicx","duration":5}""", "error_rate: a provider_degradation fault needs error_rate or added_latency_ms above 0")]
    [InlineData("""{"kind":"guardrail_outage","guardrail":"nope","duration":5}""", "guardrail: unknown guardrail 'nope'; the scenario's guardrails are platform-pii-input")]
    [InlineData("""{"kind":"sms_truncation","channel":"fax","rate":0.2,"duration":5}""", "channel: 'fax' is not a channel; the channels are web_chat")]
    [InlineData("""{"kind":"provider_outage","provider":"omnicx","duration":5,"when":"now"}""", "when: unknown field; the fields are kind, provider")]
    [InlineData("""[1,2]""", "body: a fault is a JSON object")]
    [InlineData("""{"kind":""", "body (line 1): not valid JSON")]
    public async Task Post_BadBody_400ProblemNamingTheField(string json, string expected)
    {
        await using var silo = await FaultSilo.StartAsync();
        var (status, body, response) = await silo.PostAsync(json);
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(400, body.GetProperty("status").GetInt32());
            Assert.Contains(expected, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains(expected, StringComparison.Ordinal));
        }

        Assert.Empty(await silo.ListAsync());
    }

    [Fact]
    public async Task UnknownIds_404Problem_OtherMistakes4xx_Never500()
    {
        await using var silo = await FaultSilo.StartAsync();
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/api/faults/999"), (HttpMethod.Delete, "/api/faults/999"), (HttpMethod.Get, "/api/faults/abc"), (HttpMethod.Delete, "/api/faults/-1") })
        {
            var (status, body, response) = await silo.SendAsync(method, path);
            using (response)
            {
                Assert.Equal(HttpStatusCode.NotFound, status);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("There is no fault", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }

        var (textStatus, _, r1) = await silo.SendAsync(HttpMethod.Post, "/api/faults", "kind=provider_outage", "text/plain");
        r1.Dispose();
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, textStatus);
        var (emptyStatus, _, r2) = await silo.SendAsync(HttpMethod.Post, "/api/faults");
        r2.Dispose();
        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        var (bigStatus, _, r3) = await silo.SendAsync(HttpMethod.Post, "/api/faults", "{\"kind\":\"" + new string('x', 40_000) + "\"}");
        r3.Dispose();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bigStatus);
        var (putStatus, _, r4) = await silo.SendAsync(HttpMethod.Put, "/api/faults/1", "{}");
        r4.Dispose();
        Assert.Equal(HttpStatusCode.MethodNotAllowed, putStatus);

        // Fuzz: random bodies built from the fields, wrong types and garbage are answered 4xx, never 500.
        var rng = new Random(1234);
        string[] fields = ["kind", "provider", "channel", "guardrail", "rate", "error_rate", "added_latency_ms", "start", "duration", "x"];
        string[] values = ["\"provider_outage\"", "\"provider_throttling\"", "\"omnicx\"", "\"voice\"", "null", "-1", "0", "0.5", "2", "1e308", "true", "[]", "{}", "\"\"", "\"platform-audit\""];
        for (var i = 0; i < 150; i++)
        {
            var json = i % 10 == 9
                ? new string([.. Enumerable.Range(0, rng.Next(1, 40)).Select(_ => (char)rng.Next(32, 127))])
                : "{" + string.Join(",", Enumerable.Range(0, rng.Next(0, 6)).Select(_ => $"\"{fields[rng.Next(fields.Length)]}\":{values[rng.Next(values.Length)]}")) + "}";
            var (status, body, response) = await silo.PostAsync(json);
            response.Dispose();
            Assert.True((int)status is 201 or 400 or 409, $"{json} → {(int)status}: {body}");
        }
    }

    [Fact]
    public async Task PastTheLimitOfFaultsInForceOrScheduled_409_UntilOneEnds()
    {
        await using var silo = await FaultSilo.StartAsync();
        for (var i = 0; i < Abstractions.Grains.IRuntimeFaultsGrain.MaxFaults; i++)
        {
            await silo.AddAsync("""{"kind":"provider_degradation","provider":"omnicx","added_latency_ms":1,"start":600,"duration":60}""");
        }

        var (status, body, response) = await silo.PostAsync("""{"kind":"provider_outage","provider":"omnicx","duration":5}""");
        response.Dispose();
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("end some first", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(Abstractions.Grains.IRuntimeFaultsGrain.MaxFaults, (await silo.ListAsync()).Length);

        var (ended, _, r2) = await silo.SendAsync(HttpMethod.Delete, "/api/faults/1");
        r2.Dispose();
        Assert.Equal(HttpStatusCode.NoContent, ended);
        await silo.AddAsync("""{"kind":"provider_outage","provider":"omnicx","duration":5}""");
    }

    [Fact]
    public async Task SiloWithoutScenario_Post409_ListEmpty()
    {
        await using var silo = await FaultSilo.StartAsync(scenario: false);
        var (status, body, response) = await silo.PostAsync("""{"kind":"provider_outage","provider":"omnicx","duration":5}""");
        response.Dispose();
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("--scenario", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await silo.ListAsync());
    }
}
