using AgentSim.LoadTests;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await LoadTestRunner.RunAsync(args, Console.Out, Console.Error, cancel.Token);
