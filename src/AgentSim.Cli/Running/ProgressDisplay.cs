using System.Globalization;
using AgentSim.Model.Engine;
using Spectre.Console;

namespace AgentSim.Cli.Running;

/// <summary>Shows a run's progress: a Spectre progress bar on a terminal, plain periodic lines otherwise.</summary>
public static class ProgressDisplay
{
    private static readonly TimeSpan BarRefresh = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="work"/>, showing the progress it reports, and returns its result.</summary>
    public static async Task<T> RunAsync<T>(CliContext context, long target, Func<IProgress<RunProgress>, Task<T>> work)
    {
        var latest = new LatestProgress();
        if (!context.Interactive)
        {
            var running = work(latest);
            RunProgress? shown = null;
            bool done;
            do
            {
                done = await Task.WhenAny(running, Task.Delay(LineInterval)) == running;
                if (latest.Value is { } now && now != shown && (!done || running.IsCompletedSuccessfully))
                {
                    context.Console.WriteLine(Describe(now));
                    shown = now;
                }
            }
            while (!done);

            return await running;
        }

        return await context.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("conversations", maxValue: Math.Max(1, target));
                var running = work(latest);
                while (await Task.WhenAny(running, Task.Delay(BarRefresh)) != running)
                {
                    Update(task, latest.Value);
                }

                Update(task, latest.Value);
                task.StopTask();
                return await running;
            });
    }

    private static void Update(ProgressTask task, RunProgress? progress)
    {
        if (progress is { } p)
        {
            task.Value = p.Ended;
            task.Description = Markup.Escape(Describe(p));
        }
    }

    private static string Describe(RunProgress p) => string.Create(
        CultureInfo.InvariantCulture,
        $"{p.Ended:N0}/{p.Target:N0} ended, {p.Started:N0} started, {p.SimulatedSeconds:N0} s simulated");
}
