using System.Text.Json;

namespace AgentSim.Observability.Tests.Live;

/// <summary>The parts of the Prometheus HTTP API the live tests use: instant queries and label values.</summary>
public sealed class PrometheusApi(Uri baseUri) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Runs an instant query (<c>/api/v1/query</c>) now.</summary>
    public async Task<QueryResult> QueryAsync(string expr, CancellationToken cancellation = default)
    {
        using var response = await _http.GetAsync($"api/v1/query?query={Uri.EscapeDataString(expr)}", cancellation);
        var body = await response.Content.ReadAsStringAsync(cancellation);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            return new QueryResult(0, 0, root.TryGetProperty("error", out var error) ? error.GetString() : body);
        }

        var data = root.GetProperty("data");
        var result = data.GetProperty("result");
        return data.GetProperty("resultType").GetString() switch
        {
            "vector" => new QueryResult(result.GetArrayLength(), result.EnumerateArray().Count(s => IsNumber(s.GetProperty("value")[1])), null),
            "scalar" => new QueryResult(1, IsNumber(result[1]) ? 1 : 0, null),
            var other => new QueryResult(0, 0, $"unexpected result type {other}"),
        };
    }

    /// <summary>The values of <paramref name="label"/> on the series of <paramref name="metric"/> (Grafana's <c>label_values(metric, label)</c>).</summary>
    public async Task<IReadOnlyList<string>> LabelValuesAsync(string metric, string label, CancellationToken cancellation = default)
    {
        using var response = await _http.GetAsync($"api/v1/label/{Uri.EscapeDataString(label)}/values?match[]={Uri.EscapeDataString(metric)}", cancellation);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation));
        return [.. json.RootElement.GetProperty("data").EnumerateArray().Select(v => v.GetString() ?? string.Empty)];
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static bool IsNumber(JsonElement value) =>
        double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number);
}
