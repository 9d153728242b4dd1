using AgentSim.Model.Configuration;
using AgentSim.Model.Events;

namespace AgentSim.Model.Agents;

/// <summary>
/// An agent's governance state: detected incidents and failures within the sliding window, and the rollback in
/// force. Decisions are taken only at epoch boundaries. Owned by the agent grain (or the plain loop).
/// </summary>
public sealed class AgentGovernor
{
    private readonly GovernanceConfig _policy;
    private readonly long _epochMicros;
    private readonly List<long> _incidents = [];
    private readonly List<long> _failures = [];
    private long _rolledBackUntil = long.MinValue;

    /// <summary>Creates the governor of an agent.</summary>
    public AgentGovernor(GovernanceConfig policy, long epochMicros)
    {
        _policy = policy;
        _epochMicros = epochMicros;
    }

    /// <summary>Rollbacks so far.</summary>
    public int Rollbacks { get; private set; }

    /// <summary>Whether the agent is rolled back at simulated instant <paramref name="t"/>.</summary>
    public bool RolledBackAt(long t) => t < _rolledBackUntil;

    /// <summary>Takes in an epoch's reports and decides, at <paramref name="epochEnd"/>, whether to roll back.</summary>
    public RollbackReason? CloseEpoch(long epochEnd, IEnumerable<long> incidentTimes, IEnumerable<long> failureTimes)
    {
        _incidents.AddRange(incidentTimes);
        _failures.AddRange(failureTimes);
        var windowStart = epochEnd - (long)(_policy.WindowMinutes * 60_000_000);
        _incidents.RemoveAll(x => x <= windowStart);
        _failures.RemoveAll(x => x <= windowStart);
        if (RolledBackAt(epochEnd))
        {
            return null;
        }

        RollbackReason? reason = null;
        if (_incidents.Count(x => x <= epochEnd) > _policy.IncidentBudget)
        {
            reason = RollbackReason.Incidents;
        }
        else if (_policy.FailureBudget > 0 && _failures.Count(x => x <= epochEnd) > _policy.FailureBudget)
        {
            reason = RollbackReason.Failures;
        }

        if (reason is not null)
        {
            // The agent's window starts afresh when it returns: what it did before the rollback (incidents detected
            // later included) has been paid for, and what its fallback does meanwhile is not charged to it.
            _rolledBackUntil = epochEnd + (long)(_policy.CooldownMinutes * 60_000_000);
            _incidents.Clear();
            _failures.Clear();
            Rollbacks++;
        }

        return reason;
    }
}
