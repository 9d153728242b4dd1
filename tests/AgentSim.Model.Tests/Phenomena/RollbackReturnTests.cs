using AgentSim.Model.Channels;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Phenomena;

/// <summary>
/// A rolled-back agent is judged afresh when it returns: the incidents its fallback made meanwhile are not charged to it,
/// so strict governance no longer rolls an agent back again the moment each cool-down ends.
/// </summary>
public class RollbackReturnTests
{
    [Fact]
    public void StrictGovernance_AgentReturnsFromCooldown_IsNotRolledBackAtTheFirstEpochClose()
    {
        var world = World.Compile(Presets.Load("strict-governance"));
        var states = new StateRecorder(world.Agents.Length);
        var outcome = PlainLoopEngine.Run(world, new RunOptions(30_000, 2), states, cancellation: TestContext.Current.CancellationToken);
        var rollbacks = world.Agents.Sum(a => outcome.Tally.Rollbacks(a.Index, RollbackReason.Incidents) + outcome.Tally.Rollbacks(a.Index, RollbackReason.Failures));

        Assert.True(rollbacks > 0, "strict governance should still roll agents back");
        Assert.All(states.Relapses, r => Assert.True(r == 0, $"{r} rollbacks were decided in an epoch the agent spent rolled back (a cool-down renewed by its fallback's incidents)"));
        Assert.All(states.LongestRollbackEpochs, e => Assert.InRange(e, 0, 60));
    }

    // Per agent: the rolled-back state of each epoch, and rollbacks decided while already rolled back.
    private sealed class StateRecorder(int agents) : SimulationObserver
    {
        private readonly List<bool>[] _states = [.. Enumerable.Range(0, agents).Select(_ => new List<bool>())];
        private readonly int[] _relapses = new int[agents];

        public IReadOnlyList<int> Relapses => _relapses;

        // Cool-downs are 60 epochs of 60 s; a renewed one shows as a longer unbroken run.
        public IEnumerable<int> LongestRollbackEpochs => _states.Select(s =>
            s.Aggregate((Longest: 0, Run: 0), (a, b) => b ? (Math.Max(a.Longest, a.Run + 1), a.Run + 1) : (a.Longest, 0)).Longest);

        public override void AgentState(int agent, bool rolledBack) => _states[agent].Add(rolledBack);

        public override void AgentRollback(int agent, RollbackReason reason)
        {
            if (_states[agent].Count > 0 && _states[agent][^1])
            {
                _relapses[agent]++;
            }
        }
    }
}
