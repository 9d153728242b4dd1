using AgentSim.Cli;

return await AgentSimCli.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);
