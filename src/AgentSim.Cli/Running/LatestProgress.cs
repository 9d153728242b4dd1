using AgentSim.Model.Engine;

namespace AgentSim.Cli.Running;

/// <summary>Keeps the latest progress an engine reported, from any thread, for a display loop to poll.</summary>
public sealed class LatestProgress : IProgress<RunProgress>
{
    private readonly Lock _lock = new();
    private RunProgress? _value;

    /// <summary>The latest report, or null before the first.</summary>
    public RunProgress? Value
    {
        get
        {
            lock (_lock)
            {
                return _value;
            }
        }
    }

    /// <inheritdoc />
    public void Report(RunProgress value)
    {
        lock (_lock)
        {
            _value = value;
        }
    }
}
