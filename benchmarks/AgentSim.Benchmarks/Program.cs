using AgentSim.Benchmarks;

return args.Length > 0 && args[0] == "realtime" ? await RealtimeBenchmark.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "experiments" ? await ExperimentsBenchmark.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "cluster" ? await ClusterBenchmark.RunAsync(args[1..])
    : await EngineBenchmark.RunAsync(args);
