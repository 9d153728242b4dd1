using System.Net;
using System.Text;

namespace AgentSim.Observability.Tests.Live;

/// <summary>
/// The dashboards' fault annotations against the real Prometheus scraping the real silo: a runtime fault injected with
/// <c>POST /api/faults</c> makes every annotation query return it, and none returns anything once it has ended.
/// </summary>
[Collection(nameof(LiveStackCollection))]
public sealed class FaultAnnotationTests(LiveStackFixture stack)
{
    [Fact]
    public async Task InjectedFault_EveryFaultAnnotationQueryFindsIt_WhileItIsInForce()
    {
        var ct = TestContext.Current.CancellationToken;
        var annotations = PanelQueries.LoadAnnotations(RepoPaths.Dashboards);
        Assert.Equal(3, annotations.Count);
        foreach (var annotation in annotations)
        {
            var before = await stack.Api.QueryAsync(annotation.Expr, ct);
            Assert.True(before.Error is null, $"{annotation}: {before}");
        }

        // Harmless to the other live tests: a millisecond more on the failover provider.
        using var http = new HttpClient { BaseAddress = stack.Silo.BaseUri };
        using var body = new StringContent("""{"kind":"provider_degradation","provider":"backupcx","added_latency_ms":1,"duration":120}""", Encoding.UTF8, "application/json");
        using var created = await http.PostAsync("api/faults", body, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        try
        {
            foreach (var annotation in annotations)
            {
                QueryResult result;
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (!(result = await stack.Api.QueryAsync(annotation.Expr, ct)).HasData && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(500, ct);
                }

                Assert.True(result.HasData, $"{annotation}: {result} while a fault was in force: {annotation.Expr}");
                var scoped = await stack.Api.QueryAsync(annotation.Expr.Replace("(agentsim_faults_active)", "(agentsim_faults_active{kind=\"provider_degradation\",scope=\"backupcx\"})", StringComparison.Ordinal), ct);
                Assert.True(scoped.HasData, $"{annotation}: the fault is not labelled kind=provider_degradation, scope=backupcx: {scoped}");
            }
        }
        finally
        {
            using var ended = await http.DeleteAsync(created.Headers.Location, ct);
            Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        }
    }
}
