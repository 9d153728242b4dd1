using System.Globalization;
using System.Threading.Channels;
using AgentSim.LoadTests.Driver;
using Spectre.Console;

namespace AgentSim.LoadTests.Reports;

/// <summary>
/// The live view of a run on an interactive terminal: one Spectre.Console table, redrawn at the end of each measured
/// second, of target against achieved rate, requests under way, drops and errors (that second and in total) and the
/// second's response p50 and p99. Not used when the output is not an interactive terminal or with <c>--no-live</c>:
/// the run then prints one line a second.
/// </summary>
public sealed class LiveView : IAsyncDisposable
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private readonly Channel<TimelineRow> _rows = Channel.CreateUnbounded<TimelineRow>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _display;
    private readonly string _title;
    private long _dropped;
    private long _errors;
    private long _sent;
    private int _seconds;

    private LiveView(IAnsiConsole console, string title)
    {
        _title = title;
        _display = console.Live(Table(title, null, 0, 0, 0, 0)).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(ShowAsync);
    }

    /// <summary>Whether a run writing to <paramref name="output"/> gets the live view: the process' own console, an interactive terminal, and not <paramref name="noLive"/>.</summary>
    public static bool Wanted(TextWriter output, bool noLive) =>
        !noLive && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Starts the live view on the terminal when <see cref="Wanted"/>, else returns null (print lines instead).</summary>
    public static LiveView? Start(TextWriter output, bool noLive, string title) => Wanted(output, noLive) ? new LiveView(AnsiConsole.Console, title) : null;

    /// <summary>Shows <paramref name="row"/> (a driver's <see cref="LoadDriver.OnSecond"/>).</summary>
    public void Update(TimelineRow row) => _rows.Writer.TryWrite(row);

    /// <summary>
    /// The view's table: <paramref name="row"/> (null before the first second ends) beside the totals over the
    /// <paramref name="seconds"/> measured so far (<paramref name="sent"/> requests, <paramref name="dropped"/> drops, <paramref name="errors"/> errors).
    /// </summary>
    public static Table Table(string title, TimelineRow? row, int seconds, long sent, long dropped, long errors)
    {
        string V(Func<TimelineRow, string> f) => row is null ? "-" : f(row);
        var table = new Table().Title(Markup.Escape(title)).AddColumns("", "this second", "total");
        table.AddRow("target / achieved /s", V(r => string.Create(C, $"{r.Target:N0} / {Achieved(r)}")), seconds == 0 ? "-" : string.Create(C, $"{sent / (double)seconds:N1}/s over {seconds} s"));
        table.AddRow("in flight", V(r => r.InFlight.ToString("N0", C)), "");
        table.AddRow("dropped", V(r => Bad(r.Dropped)), Bad(dropped));
        table.AddRow("errors", V(r => Bad(r.Errors)), Bad(errors));
        table.AddRow("response p50 / p99 ms", V(r => string.Create(C, $"{r.ResponseP50Ms:0.0} / {r.ResponseP99Ms:0.0}")), "");
        table.AddRow("service p99 ms", V(r => r.ServiceP99Ms.ToString("0.0", C)), "");
        return table;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _rows.Writer.TryComplete();
        await _display.ConfigureAwait(false);
    }

    private static string Achieved(TimelineRow r) => r.Sent < r.Target ? string.Create(C, $"[red]{r.Sent:N0}[/]") : r.Sent.ToString("N0", C);

    private static string Bad(long n) => n > 0 ? string.Create(C, $"[red]{n:N0}[/]") : "0";

    private async Task ShowAsync(LiveDisplayContext context)
    {
        await foreach (var row in _rows.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            _seconds++;
            _sent += row.Sent;
            _dropped += row.Dropped;
            _errors += row.Errors;
            context.UpdateTarget(Table(_title, row, _seconds, _sent, _dropped, _errors));
            context.Refresh();
        }
    }
}
