using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentSim.Cli.Running;
using AgentSim.Cli.Validation;
using AgentSim.Model;
using AgentSim.Model.Faults;
using Spectre.Console;

namespace AgentSim.Cli.Commands;

/// <summary>
/// <c>agentsim fault add|list|show|end</c>: injects, lists and ends runtime faults on a running silo over its HTTP API
/// (<c>/api/faults</c>). They act on the silo's real-time traffic only. Exit 2 when the request is wrong (a bad flag, or
/// the silo's 400/404/409, its problems printed one a line), 1 when the silo cannot be reached or fails.
/// </summary>
public static class FaultCommand
{
    private const string FaultsPath = "api/faults";

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("fault", "Inject, list and end runtime faults on a running silo (its real-time traffic only).")
        {
            Add(context),
            List(context),
            Show(context),
            End(context),
        };
        return command;
    }

    private static Option<string> Url() => new("--url")
    {
        Description = "The silo's HTTP address.",
        DefaultValueFactory = _ => SiloSettings.DefaultUrls,
    };

    private static Option<bool> Json() => new("--json") { Description = "Print the silo's JSON answer as is." };

    private static Command Add(CliContext context)
    {
        var url = Url();
        var json = Json();
        var kind = new Option<string>("--kind") { Description = $"Fault kind: {Wire<FaultKind>.Known}.", Required = true };
        var provider = new Option<string>("--provider") { Description = "Provider it hits (provider faults; optional for message faults)." };
        var channel = new Option<string>("--channel") { Description = "Channel it is limited to (default: all)." };
        var guardrail = new Option<string>("--guardrail") { Description = "Guardrail layer it hits (guardrail_outage)." };
        var rate = RealOption.Between("--rate", "Share of messages it hits (message faults) or of requests answered 429 (provider_throttling), 0–1.", 0, 1, "from 0 to 1");
        var errorRate = RealOption.Between("--error-rate", "provider_degradation: added error probability, 0–1.", 0, 1, "from 0 to 1");
        var latency = RealOption.Between("--added-latency-ms", "provider_degradation: added latency in ms (±50% jitter).", 0, 600_000, "from 0 to 600000");
        var start = RealOption.Between("--start", "Wall seconds from now until it starts (default 0).", 0, 30 * 24 * 3600, "from 0 to 2592000");
        var duration = RealOption.Between("--duration", "Wall seconds it lasts.", double.Epsilon, 30 * 24 * 3600, "above 0 and at most 2592000");
        duration.Required = true;
        var command = new Command("add", "Inject a fault: a scenario timeline entry whose window is in wall seconds from now.")
        {
            url, kind, provider, channel, guardrail, rate, errorRate, latency, start, duration, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var body = new JsonObject { ["kind"] = parse.GetValue(kind) };
            Put(body, "provider", parse.GetValue(provider));
            Put(body, "channel", parse.GetValue(channel));
            Put(body, "guardrail", parse.GetValue(guardrail));
            Put(body, "rate", parse.GetValue(rate));
            Put(body, "error_rate", parse.GetValue(errorRate));
            Put(body, "added_latency_ms", parse.GetValue(latency));
            Put(body, "start", parse.GetValue(start));
            Put(body, "duration", parse.GetValue(duration));
            return await SendAsync(context, parse.GetValue(url)!, HttpMethod.Post, FaultsPath, body.ToJsonString(), parse.GetValue(json), cancellation, (console, fault) =>
                console.Profile.Out.Writer.WriteLine($"fault {Describe(fault)}"));
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var url = Url();
        var json = Json();
        var command = new Command("list", "List the faults in force and scheduled.") { url, json };
        command.SetAction((parse, cancellation) => SendAsync(context, parse.GetValue(url)!, HttpMethod.Get, FaultsPath, null, parse.GetValue(json), cancellation, (console, list) =>
        {
            var faults = list.GetProperty("faults");
            if (faults.GetArrayLength() == 0)
            {
                console.Profile.Out.Writer.WriteLine("no faults in force or scheduled");
                return;
            }

            var table = new Table().AddColumn("id").AddColumn("status").AddColumn("kind").AddColumn("scope").AddColumn("settings").AddColumn("starts in s").AddColumn("ends in s");
            foreach (var f in faults.EnumerateArray())
            {
                table.AddRow(
                    new Text(Number(f, "id")),
                    new Text(f.GetProperty("status").GetString()!),
                    new Text(f.GetProperty("kind").GetString()!),
                    new Text(f.GetProperty("scope").GetString()!),
                    new Text(Settings(f)),
                    new Text(Number(f, "starts_in_seconds")),
                    new Text(Number(f, "ends_in_seconds")));
            }

            console.Write(table);
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var url = Url();
        var json = Json();
        var id = new Argument<long>("ID") { Description = "The fault's id." };
        var command = new Command("show", "Show one fault (ended ones too, while the silo remembers them).") { id, url, json };
        command.SetAction((parse, cancellation) => SendAsync(context, parse.GetValue(url)!, HttpMethod.Get, Path(parse.GetValue(id)), null, parse.GetValue(json), cancellation, (console, fault) =>
            console.Profile.Out.Writer.WriteLine($"fault {Describe(fault)}")));
        return command;
    }

    private static Command End(CliContext context)
    {
        var url = Url();
        var id = new Argument<long>("ID") { Description = "The fault's id." };
        var command = new Command("end", "End a fault now (or cancel a scheduled one).") { id, url };
        command.SetAction((parse, cancellation) => SendAsync(context, parse.GetValue(url)!, HttpMethod.Delete, Path(parse.GetValue(id)), null, json: false, cancellation, (console, _) =>
            console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault {parse.GetValue(id)} ended"))));
        return command;
    }

    private static async Task<int> SendAsync(
        CliContext context, string url, HttpMethod method, string path, string? body, bool json, CancellationToken cancellation, Action<IAnsiConsole, JsonElement> print)
    {
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliInputException($"--url: '{url}' is not an http:// or https:// address, e.g. {SiloSettings.DefaultUrls}");
        }

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(15) };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        string text;
        try
        {
            response = await http.SendAsync(request, cancellation);
            text = await response.Content.ReadAsStringAsync(cancellation);
        }
        catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && !cancellation.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"error: cannot reach the silo at {baseUri}: {ex.GetBaseException().Message}");
            return ExitCodes.Failure;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                foreach (var line in Problems(text, response.StatusCode))
                {
                    await context.Error.WriteLineAsync($"error: {line}");
                }

                var status = (int)response.StatusCode;
                return status is >= 400 and < 500 ? ExitCodes.BadInput : ExitCodes.Failure;
            }

            if (json && text.Length > 0)
            {
                context.Console.Profile.Out.Writer.WriteLine(text);
            }
            else
            {
                print(context.Console, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
            }

            return ExitCodes.Ok;
        }
    }

    // The problem's errors one a line, or its detail, or the status.
    private static IEnumerable<string> Problems(string text, HttpStatusCode status)
    {
        var code = (int)status;
        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                return [.. errors.EnumerateArray().Select(e => e.ToString())];
            }

            if (problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                return [string.Create(CultureInfo.InvariantCulture, $"{code}: {detail.GetString()}")];
            }
        }
        catch (JsonException)
        {
        }

        return [string.Create(CultureInfo.InvariantCulture, $"the silo answered {code} {status}")];
    }

    private static string Describe(JsonElement f) =>
        $"{Number(f, "id")} {f.GetProperty("status").GetString()}: {f.GetProperty("kind").GetString()} on {f.GetProperty("scope").GetString()}{Suffix(Settings(f))}, "
        + $"from {f.GetProperty("starts_at").GetString()} to {f.GetProperty("ends_at").GetString()} ({f.GetProperty("location").GetString()})";

    private static string Suffix(string settings) => settings.Length == 0 ? "" : " " + settings;

    private static string Settings(JsonElement f) =>
        string.Join(" ", new[] { "rate", "error_rate", "added_latency_ms" }.Where(k => f.TryGetProperty(k, out _)).Select(k => $"{k}={Number(f, k)}"));

    private static string Number(JsonElement f, string key) => f.GetProperty(key).GetRawText();

    private static string Path(long id) => string.Create(CultureInfo.InvariantCulture, $"{FaultsPath}/{id}");

    private static void Put(JsonObject body, string key, string? value)
    {
        if (value is not null)
        {
            body[key] = value;
        }
    }

    private static void Put(JsonObject body, string key, double? value)
    {
        if (value is { } v)
        {
            body[key] = v;
        }
    }
}
