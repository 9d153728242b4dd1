using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Cluster;
using AgentSim.Grains.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AgentSim.Host.Ingress;

/// <summary>
/// The silo's HTTP ingress: <c>POST /api/conversations</c> starts a real-time conversation (optional JSON body:
/// <c>channel</c>, <c>intent</c>, <c>tier</c>, <c>seed</c>) and answers 202 with its id and <c>Location</c>, or with
/// <c>?wait=true</c> 200 and the outcome once it has ended; <c>GET /api/conversations/{id}</c> says where it stands
/// (a conversation of another silo of the cluster, or one taken over from a lost silo, from the cluster's ledger);
/// <c>GET /api/cluster/conversations</c> gives the ledger's totals (started, by outcome, in flight, takeovers).
/// A wrong request gets 400 (415 for a body that is not JSON), past the admission limit 503 with <c>Retry-After</c>,
/// a ledger that cannot be reached 503; every error body is RFC 9457 problem details.
/// </summary>
public static class IngressEndpoints
{
    /// <summary>Path of the conversations resource.</summary>
    public const string ConversationsPath = "/api/conversations";

    /// <summary>Path of the cluster's conversation totals.</summary>
    public const string ClusterConversationsPath = "/api/cluster/conversations";

    /// <summary>Largest request body read, in bytes.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>JSON names on the wire: snake_case, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Maps the ingress routes.</summary>
    public static IEndpointRouteBuilder MapAgentSimIngress(this IEndpointRouteBuilder app)
    {
        app.MapPost(ConversationsPath, (Func<HttpContext, Task<IResult>>)StartAsync);
        app.MapMethods(ConversationsPath + "/{id}", ["GET", "HEAD"], (Func<HttpContext, string, Task<IResult>>)GetAsync);
        app.MapMethods(ClusterConversationsPath, ["GET", "HEAD"], (Func<HttpContext, Task<IResult>>)TotalsAsync);
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext http)
    {
        var live = http.RequestServices.GetRequiredService<LiveSilo>();
        if (!TryWait(http.Request.Query, out var wait, out var waitProblem))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid query", waitProblem);
        }

        var (spec, problem) = await ReadSpecAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        IngressTicket ticket;
        try
        {
            ticket = await live.StartAsync(spec!);
        }
        catch (Exception) when (!http.RequestAborted.IsCancellationRequested)
        {
            return Unavailable(http, "The silo could not start the conversation (it may be stopping); try again.");
        }

        switch (ticket.Status)
        {
            case IngressStatus.Invalid:
                return Problem(StatusCodes.Status400BadRequest, "Invalid conversation request", string.Join("; ", ticket.Problems ?? []), ticket.Problems);
            case IngressStatus.NoScenario:
                return Problem(StatusCodes.Status409Conflict, "No scenario", "This silo was started without --scenario, so it runs no conversations; start it with --scenario NAME (and --rate 0 to serve the ingress only).");
            case IngressStatus.Overloaded when live.Stopping:
                return Unavailable(http, "The silo is stopping; try another, or again once it is back.", ticket.RetryAfterSeconds);
            case IngressStatus.Overloaded:
                return Unavailable(http, $"The silo has {live.Run?.Conversations.Limit:N0} conversations in flight, its admission limit; the arrival was shed (agentsim_arrivals_shed_total{{reason=\"admission\"}}).", ticket.RetryAfterSeconds);
        }

        var location = string.Create(CultureInfo.InvariantCulture, $"{ConversationsPath}/{ticket.Id}");
        if (!wait)
        {
            http.Response.Headers.Location = location;
            return Results.Json(new Accepted(ticket.Id, "running", location), Json, statusCode: StatusCodes.Status202Accepted);
        }

        try
        {
            await live.Run!.Conversations.WhenEnded(ticket.Id).WaitAsync(http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return Results.Empty;
        }

        http.Response.Headers.Location = location;
        return live.View(ticket.Id) is { } view
            ? Results.Json(view, Json)
            : await FromLedgerAsync(http, live, ticket.Id);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid conversation id", $"'{Truncate(id)}' is not a conversation id: ids are whole numbers from 1.");
        }

        var live = http.RequestServices.GetRequiredService<LiveSilo>();
        return live.View(number) is { } view ? Results.Json(view, Json) : await FromLedgerAsync(http, live, number);
    }

    // A conversation this silo does not hold: the cluster's ledger says where it stands (another silo's, or one a
    // survivor took over), or why it is not known.
    private static async Task<IResult> FromLedgerAsync(HttpContext http, LiveSilo live, long id)
    {
        if (live.Ledger is not { Shared: true } ledger)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown conversation", string.Create(CultureInfo.InvariantCulture, $"This silo has no conversation {id}: it was never started here, or it ended long enough ago to be forgotten."));
        }

        LedgerEntry? entry;
        try
        {
            entry = await ledger.FindAsync(id);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            return Unavailable(http, string.Create(CultureInfo.InvariantCulture, $"This silo does not hold conversation {id} and the cluster's ledger (Redis) cannot be reached to say where it stands; try again."));
        }

        if (entry is null)
        {
            var cluster = http.RequestServices.GetRequiredService<ClusterStore>().ClusterId;
            return Problem(StatusCodes.Status404NotFound, "Unknown conversation", string.Create(CultureInfo.InvariantCulture, $"No silo of cluster {cluster} has conversation {id}: it was never started, or it ended more than {ConversationLedger.EndedRetention.TotalHours:0} h ago and its entry expired."));
        }

        var status = entry.Outcome is not null ? "ended" : entry.Queue is not null ? "queued" : "running";
        return Results.Json(new LedgerView(entry.Id, status, entry.Outcome, entry.Turns, entry.Channel, entry.Queue, entry.Silo, entry.Resumed, "ledger"), Json);
    }

    private static async Task<IResult> TotalsAsync(HttpContext http)
    {
        var live = http.RequestServices.GetRequiredService<LiveSilo>();
        if (live.Ledger is not { } ledger)
        {
            return Problem(StatusCodes.Status409Conflict, "No ledger", "This silo keeps no conversation ledger.");
        }

        LedgerTotals totals;
        try
        {
            totals = await ledger.TotalsAsync();
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            return Unavailable(http, "The cluster's conversation ledger (Redis) cannot be reached; try again.");
        }

        var store = http.RequestServices.GetRequiredService<ClusterStore>();
        return Results.Json(new ClusterView(store.ClusterId, totals.Shared ? "cluster" : "silo", totals.Started, totals.InFlight, totals.Outcomes, totals.Duplicates, totals.Stale,
            new TakeoversView(totals.Takeovers.Count, totals.Takeovers.Resumed, totals.Takeovers.Failed, totals.Recent)), Json);
    }

    private static bool IsStoreFailure(Exception ex) => ex is StackExchange.Redis.RedisException or TimeoutException or InvalidOperationException;

    private static bool TryWait(IQueryCollection query, out bool wait, out string problem)
    {
        wait = false;
        problem = "";
        if (!query.TryGetValue("wait", out var values))
        {
            return true;
        }

        if (values.Count == 1 && bool.TryParse(values[0], out wait))
        {
            return true;
        }

        problem = $"wait: '{Truncate(values.ToString())}' is not true or false";
        return false;
    }

    private static async Task<(ConversationSpec? Spec, IResult? Problem)> ReadSpecAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return (new ConversationSpec(), null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"The body must be JSON (Content-Type: application/json), got '{Truncate(request.ContentType ?? "none")}'."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body may be at most {MaxBodyBytes} bytes."));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body may be at most {MaxBodyBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (new ConversationSpec(), null);
        }

        try
        {
            var body = JsonSerializer.Deserialize<Body>(buffer.ToArray(), Json);
            return body is null
                ? (new ConversationSpec(), null)
                : (new ConversationSpec(body.Channel, body.Intent, body.Tier, body.Seed), null);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path!.TrimStart('$', '.');
            var line = ex.LineNumber is { } l ? string.Create(CultureInfo.InvariantCulture, $" (line {l + 1})") : "";
            return (null, Problem(StatusCodes.Status400BadRequest, "Invalid JSON body", $"{where}{line}: {Describe(ex)}; the body is an object with optional channel, intent, tier (strings) and seed (a whole number from 0)."));
        }
    }

    private static string Describe(JsonException ex) =>
        ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown field"
        : ex.Message.Contains("could not be converted", StringComparison.Ordinal) ? "wrong type"
        : "not valid JSON";

    private static IResult Unavailable(HttpContext http, string detail, int retryAfter = LiveSilo.RetryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status503ServiceUnavailable, "Overloaded", detail);
    }

    private static IResult Problem(int status, string title, string detail, string[]? errors = null) =>
        Results.Problem(detail, statusCode: status, title: title, extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private sealed record Body(string? Channel, string? Intent, string? Tier, ulong? Seed);

    private sealed record Accepted(long Id, string Status, string Location);

    private sealed record LedgerView(long Id, string Status, string? Outcome, int Turns, string? Channel, string? Queue, string Silo, bool Resumed, string Source);

    private sealed record ClusterView(string ClusterId, string Scope, long Started, long InFlight, IReadOnlyDictionary<string, long> Outcomes, long DuplicateWritesIgnored, long StaleWritesIgnored, TakeoversView Takeovers);

    private sealed record TakeoversView(long Count, long Resumed, long Failed, IReadOnlyList<TakeoverRecord> Recent);
}
