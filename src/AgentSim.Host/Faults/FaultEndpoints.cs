using System.Globalization;
using System.Text.Json;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Live;
using AgentSim.Host.Ingress;
using AgentSim.Model;
using AgentSim.Model.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AgentSim.Host.Faults;

/// <summary>
/// Runtime fault injection on a silo serving a real-time scenario: <c>POST /api/faults</c> with a timeline entry whose
/// window is <c>start</c> and <c>duration</c> in wall seconds from now (see <see cref="FaultRequest"/>) answers 201 with
/// the fault, its id and <c>Location</c>; <c>GET /api/faults</c> lists those in force and scheduled;
/// <c>GET /api/faults/{id}</c> shows one (ended ones too, while remembered); <c>DELETE /api/faults/{id}</c> ends one now
/// (204). The faults live in the cluster's registry (<see cref="IRuntimeFaultsGrain"/>) and act on real-time traffic only:
/// the silo that took the request applies them at once, the others within a second. A wrong body gets 400 naming each
/// wrong field, an unknown id 404, a fault past <see cref="IRuntimeFaultsGrain.MaxFaults"/> in force or scheduled 409;
/// every error body is RFC 9457 problem details.
/// </summary>
public static class FaultEndpoints
{
    /// <summary>Path of the faults resource.</summary>
    public const string FaultsPath = "/api/faults";

    /// <summary>Largest request body read, in bytes.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <summary>Maps the fault routes.</summary>
    public static IEndpointRouteBuilder MapAgentSimFaults(this IEndpointRouteBuilder app)
    {
        app.MapMethods(FaultsPath, ["GET", "HEAD"], (Func<HttpContext, Task<IResult>>)ListAsync);
        app.MapPost(FaultsPath, (Func<HttpContext, Task<IResult>>)AddAsync);
        app.MapMethods(FaultsPath + "/{id}", ["GET", "HEAD"], (Func<HttpContext, string, Task<IResult>>)GetAsync);
        app.MapDelete(FaultsPath + "/{id}", (Func<HttpContext, string, Task<IResult>>)EndAsync);
        return app;
    }

    /// <summary>The wire view of a fault at <paramref name="now"/>.</summary>
    public static FaultView View(RuntimeFault fault, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var info = Wire<FaultKind>.TryParse(fault.Kind, out var kind) ? FaultKinds.Of(kind) : null;
        var uses = info?.Uses ?? FaultParameters.None;
        return new FaultView(
            fault.Id,
            fault.StatusAt(now),
            fault.Kind,
            LiveRun.ScopeLabel(fault.Provider, fault.Guardrail, fault.Channel),
            fault.Provider,
            fault.Channel,
            fault.Guardrail,
            uses.HasFlag(FaultParameters.Rate) ? fault.Rate : null,
            uses.HasFlag(FaultParameters.ErrorRate) ? fault.ErrorRate : null,
            uses.HasFlag(FaultParameters.AddedLatency) ? fault.AddedLatencyMs : null,
            fault.StartsAt.ToString("O", CultureInfo.InvariantCulture),
            fault.EndsAt.ToString("O", CultureInfo.InvariantCulture),
            Math.Round(Math.Max(0, (fault.StartsAt - now).TotalSeconds), 3),
            Math.Round(Math.Max(0, (fault.EndsAt - now).TotalSeconds), 3),
            LocationOf(fault.Id));
    }

    private static async Task<IResult> AddAsync(HttpContext http)
    {
        var live = http.RequestServices.GetRequiredService<LiveSilo>();
        var (body, problem) = await ReadBodyAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        if (live.Run is not { } run)
        {
            return Problem(StatusCodes.Status409Conflict, "No scenario", "This silo was started without --scenario, so it has no real-time traffic to inject faults into; start it with --scenario NAME.");
        }

        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var problems = new List<string>();
        var fault = FaultRequest.Read(body, run.World, time.GetUtcNow(), problems);
        if (fault is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid fault", string.Join("; ", problems), [.. problems]);
        }

        return await WithRegistryAsync(http, async registry =>
        {
            if (await registry.AddAsync(fault) is not { } added)
            {
                return Problem(StatusCodes.Status409Conflict, "Too many faults", $"At most {IRuntimeFaultsGrain.MaxFaults} faults may be in force or scheduled at once; end some first (DELETE {FaultsPath}/{{id}}).");
            }

            run.ApplyFaults(await registry.ListAsync());
            http.Response.Headers.Location = LocationOf(added.Id);
            return Results.Json(View(added, time.GetUtcNow()), IngressEndpoints.Json, statusCode: StatusCodes.Status201Created);
        });
    }

    private static Task<IResult> ListAsync(HttpContext http) => WithRegistryAsync(http, async registry =>
    {
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var list = await registry.ListAsync();
        return Results.Json(new FaultList([.. list.Faults.Where(f => f.EndsAt > now).Select(f => View(f, now))]), IngressEndpoints.Json);
    });

    private static Task<IResult> GetAsync(HttpContext http, string id) => WithRegistryAsync(http, async registry =>
    {
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var list = await registry.ListAsync();
        return TryId(id, out var number) && list.Faults.FirstOrDefault(f => f.Id == number) is { } fault
            ? Results.Json(View(fault, now), IngressEndpoints.Json)
            : Unknown(id);
    });

    private static Task<IResult> EndAsync(HttpContext http, string id) => WithRegistryAsync(http, async registry =>
    {
        if (!TryId(id, out var number) || await registry.EndAsync(number) is null)
        {
            return Unknown(id);
        }

        http.RequestServices.GetRequiredService<LiveSilo>().Run?.ApplyFaults(await registry.ListAsync());
        return Results.NoContent();
    });

    private static async Task<IResult> WithRegistryAsync(HttpContext http, Func<IRuntimeFaultsGrain, Task<IResult>> action)
    {
        var registry = http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IRuntimeFaultsGrain>(IRuntimeFaultsGrain.Key);
        try
        {
            return await action(registry);
        }
        catch (Exception) when (!http.RequestAborted.IsCancellationRequested)
        {
            http.Response.Headers.RetryAfter = LiveSilo.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status503ServiceUnavailable, "Fault registry unavailable", "The cluster's fault registry could not be reached (a silo may be stopping); try again.");
        }
    }

    private static async Task<(JsonElement Body, IResult? Problem)> ReadBodyAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return (default, Problem(StatusCodes.Status400BadRequest, "Invalid fault", $"body: missing; {FaultRequest.Shape}", [$"body: missing; {FaultRequest.Shape}"]));
        }

        if (!request.HasJsonContentType())
        {
            return (default, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"The body must be JSON (Content-Type: application/json), got '{Truncate(request.ContentType ?? "none")}'."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (default, Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body may be at most {MaxBodyBytes} bytes."));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (default, Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body may be at most {MaxBodyBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), DocumentOptions);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? string.Create(CultureInfo.InvariantCulture, $" (line {l + 1})") : "";
            var detail = $"body{line}: not valid JSON; {FaultRequest.Shape}";
            return (default, Problem(StatusCodes.Status400BadRequest, "Invalid JSON body", detail, [detail]));
        }
    }

    private static bool TryId(string id, out long number) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;

    private static IResult Unknown(string id) =>
        Problem(StatusCodes.Status404NotFound, "Unknown fault", $"There is no fault '{Truncate(id)}': it was never injected, or it ended long enough ago to be forgotten. GET {FaultsPath} lists the faults in force and scheduled.");

    private static string LocationOf(long id) => string.Create(CultureInfo.InvariantCulture, $"{FaultsPath}/{id}");

    private static IResult Problem(int status, string title, string detail, string[]? errors = null) =>
        Results.Problem(detail, statusCode: status, title: title, extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}

/// <summary>A runtime fault on the wire (snake_case; settings the kind does not use and targets not named are left out).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Status"><c>scheduled</c>, <c>active</c> or <c>ended</c>.</param>
/// <param name="Kind">Fault kind (wire name).</param>
/// <param name="Scope">What it is aimed at, as the <c>scope</c> label of <c>agentsim_faults_active</c>.</param>
/// <param name="Provider">Provider it hits.</param>
/// <param name="Channel">Channel it is limited to.</param>
/// <param name="Guardrail">Guardrail layer it hits.</param>
/// <param name="Rate">Share of messages it hits, or of requests it throttles.</param>
/// <param name="ErrorRate">Added error probability (degradation).</param>
/// <param name="AddedLatencyMs">Added latency, ms (degradation).</param>
/// <param name="StartsAt">When it comes into force (ISO 8601, UTC).</param>
/// <param name="EndsAt">When it ends (ISO 8601, UTC).</param>
/// <param name="StartsInSeconds">Wall seconds until it starts (0 once started).</param>
/// <param name="EndsInSeconds">Wall seconds until it ends (0 once ended).</param>
/// <param name="Location">Its address.</param>
public sealed record FaultView(
    long Id,
    string Status,
    string Kind,
    string Scope,
    string? Provider,
    string? Channel,
    string? Guardrail,
    double? Rate,
    double? ErrorRate,
    double? AddedLatencyMs,
    string StartsAt,
    string EndsAt,
    double StartsInSeconds,
    double EndsInSeconds,
    string Location);

/// <summary>The answer to <c>GET /api/faults</c>: the faults in force and scheduled, by id.</summary>
/// <param name="Faults">The faults.</param>
public sealed record FaultList(IReadOnlyList<FaultView> Faults);
