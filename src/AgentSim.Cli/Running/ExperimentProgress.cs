using System.Globalization;
using AgentSim.Model.Experiments;
using Spectre.Console;

namespace AgentSim.Cli.Running;

/// <summary>Shows an experiment's progress in runs: a Spectre progress bar on a terminal, a line every 2 s otherwise.</summary>
public static class ExperimentProgress
{
    private static readonly TimeSpan BarRefresh = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="work"/>, showing the runs it reports done of <paramref name="total"/> and the time elapsed on <paramref name="time"/> (default: the system clock; only shown, never in results), and returns its result.</summary>
    public static async Task<T> RunAsync<T>(CliContext context, int total, string what, Func<IProgress<ComparisonRunner.Progress>, Task<T>> work, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        var latest = new Latest();
        var started = time.GetTimestamp();
        if (!context.Interactive)
        {
            var running = work(latest);
            ComparisonRunner.Progress? shown = null;
            while (await Task.WhenAny(running, Task.Delay(LineInterval)) != running)
            {
                if (latest.Value is { } now && now != shown)
                {
                    context.Console.WriteLine(Describe(now, what, time.GetElapsedTime(started)));
                    shown = now;
                }
            }

            var result = await running;
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total}/{total} {what} done in {time.GetElapsedTime(started).TotalSeconds:F1} s"));
            return result;
        }

        return await context.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(what, maxValue: Math.Max(1, total));
                var running = work(latest);
                while (await Task.WhenAny(running, Task.Delay(BarRefresh)) != running)
                {
                    if (latest.Value is { } p)
                    {
                        task.Value = p.Done;
                        task.Description = Markup.Escape(Describe(p, what, time.GetElapsedTime(started)));
                    }
                }

                task.Value = total;
                task.StopTask();
                return await running;
            });
    }

    private static string Describe(ComparisonRunner.Progress p, string what, TimeSpan elapsed) => string.Create(
        CultureInfo.InvariantCulture,
        $"{p.Done}/{p.Total} {what} ({p.Variant}, replication {p.Replication + 1}), {elapsed.TotalSeconds:F0} s");

    private sealed class Latest : IProgress<ComparisonRunner.Progress>
    {
        private ComparisonRunner.Progress? _value;

        public ComparisonRunner.Progress? Value => Volatile.Read(ref _value);

        public void Report(ComparisonRunner.Progress value)
        {
            // Runs end out of order; keep the furthest count.
            ComparisonRunner.Progress? seen;
            do
            {
                seen = Volatile.Read(ref _value);
                if (seen is not null && seen.Done >= value.Done)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _value, value, seen) != seen);
        }
    }
}
