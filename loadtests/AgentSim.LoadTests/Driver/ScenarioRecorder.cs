using AgentSim.LoadTests.Scenarios;
using HdrHistogram;

namespace AgentSim.LoadTests.Driver;

/// <summary>Counts and latency of one scenario and of each of its steps (NBomber's per-step statistics), safe from many threads.</summary>
internal sealed class ScenarioRecorder(LoadScenario scenario)
{
    private const long MaxMicroseconds = 3_600_000_000;
    private readonly LongConcurrentHistogram _response = new(1, MaxMicroseconds, 3);
    private readonly StepRecorder[] _steps = [.. scenario.Steps.Select(s => new StepRecorder(s))];
    private long _iterations;
    private long _ok;
    private long _errors;
    private long _dropped;

    public LoadScenario Scenario { get; } = scenario;

    public void Dropped() => Interlocked.Increment(ref _dropped);

    public void Iteration(bool ok, double responseSeconds)
    {
        Interlocked.Increment(ref _iterations);
        Interlocked.Increment(ref ok ? ref _ok : ref _errors);
        _response.RecordValue(Micros(responseSeconds));
    }

    public void Step(int index, bool ok, double seconds, string kind) => _steps[index].Record(ok, seconds, kind);

    public ScenarioSummary Summary() => new(Scenario.Name, Scenario.Weight, Interlocked.Read(ref _iterations), Interlocked.Read(ref _ok), Interlocked.Read(ref _errors),
        Interlocked.Read(ref _dropped), LatencySummary.From(_response), [.. _steps.Select(s => s.Summary())]);

    internal static long Micros(double seconds) => Math.Clamp((long)Math.Round(seconds * 1e6), 1, MaxMicroseconds);

    private sealed class StepRecorder(LoadStep step)
    {
        private readonly LongConcurrentHistogram _latency = new(1, MaxMicroseconds, 3);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _kinds = new();
        private long _ok;
        private long _errors;

        public void Record(bool ok, double seconds, string kind)
        {
            Interlocked.Increment(ref ok ? ref _ok : ref _errors);
            _latency.RecordValue(Micros(seconds));
            _kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
        }

        public StepSummary Summary() => new(step.Name(), Interlocked.Read(ref _ok), Interlocked.Read(ref _errors), LatencySummary.From(_latency), new Dictionary<string, long>(_kinds));
    }
}
