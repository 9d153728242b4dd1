using System.Diagnostics;
using System.Globalization;
using AgentSim.Cli;

namespace AgentSim.Benchmarks;

/// <summary>
/// Wall and CPU time of the default experiments, each a fresh <c>agentsim</c> process as a user runs it:
/// <c>agentsim compare scenarios/baseline.yaml</c> (the placement variants × 5 replications) and <c>agentsim gap</c>.
/// The target is under 2 minutes each on the 2-core development machine.
/// </summary>
public static class ExperimentsBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromMinutes(2);

    /// <summary>Runs the benchmark: <c>[--repeat N]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var repeat = args.Length >= 2 && args[0] == "--repeat" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var c = CultureInfo.InvariantCulture;
        var cli = Path.Combine(AppContext.BaseDirectory, "agentsim.dll");
        var repo = FindRepo();
        Console.WriteLine(string.Create(c, $"AgentSim experiments benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, each command {repeat}× as a fresh process"));
        Console.WriteLine("| command | wall s (each run) | CPU s (each run) | target |");
        Console.WriteLine("| --- | ---: | ---: | --- |");
        var failed = false;
        foreach (var command in new[] { "compare scenarios/baseline.yaml", "gap" })
        {
            var walls = new List<double>();
            var cpus = new List<double>();
            for (var i = 0; i < repeat; i++)
            {
                var dir = Path.Combine(Path.GetTempPath(), "agentsim-experiments-" + Guid.NewGuid().ToString("N"));
                try
                {
                    // bash's time reports the child's user + system CPU, which .NET cannot read once the process has exited.
                    var cpuFile = dir + ".cpu";
                    var line = $"TIMEFORMAT='%U %S'; {{ time dotnet '{cli}' {command} --out '{dir}' >'{dir}.log' 2>&1; }} 2>'{cpuFile}'";
                    var info = new ProcessStartInfo("bash") { WorkingDirectory = repo };
                    info.ArgumentList.Add("-c");
                    info.ArgumentList.Add(line);
                    var clock = Stopwatch.StartNew();
                    using var process = Process.Start(info)!;
                    await process.WaitForExitAsync();
                    clock.Stop();
                    var cpu = File.ReadAllText(cpuFile).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).Sum();
                    File.Delete(cpuFile);
                    if (process.ExitCode != ExitCodes.Ok || !File.Exists(Path.Combine(dir, "report.html")))
                    {
                        Console.Error.WriteLine($"agentsim {command} failed:\n{File.ReadAllText(dir + ".log")}");
                        return 1;
                    }

                    File.Delete(dir + ".log");
                    walls.Add(clock.Elapsed.TotalSeconds);
                    cpus.Add(cpu);
                }
                finally
                {
                    if (Directory.Exists(dir))
                    {
                        Directory.Delete(dir, recursive: true);
                    }
                }
            }

            var met = walls.Max() < Target.TotalSeconds;
            failed |= !met;
            Console.WriteLine(string.Create(c, $"| agentsim {command} | {string.Join(", ", walls.Select(w => w.ToString("F1", c)))} | {string.Join(", ", cpus.Select(w => w.ToString("F1", c)))} | < {Target.TotalSeconds:F0} s: {(met ? "met" : "MISSED")} |"));
        }

        return failed ? 1 : 0;
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentSim.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
