using AgentSim.Benchmarks;

return await EngineBenchmark.RunAsync(args);
