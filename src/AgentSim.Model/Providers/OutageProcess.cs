using AgentSim.Model.Configuration;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Providers;

/// <summary>Random outages from MTBF/MTTR, stepped once per epoch from the entity's own random stream.</summary>
public sealed class OutageProcess
{
    private readonly AvailabilitySpec _spec;
    private readonly long _epochMicros;
    private Rng _rng;
    private long _downUntil = long.MinValue;

    /// <summary>Creates the process of one entity (provider or guardrail layer).</summary>
    public OutageProcess(AvailabilitySpec spec, long epochMicros, ulong seed, ulong entity, Purpose purpose)
    {
        _spec = spec;
        _epochMicros = epochMicros;
        _rng = new Rng(seed, entity, purpose);
    }

    /// <summary>Decides whether the entity is down during the epoch starting at <paramref name="epochStart"/>.</summary>
    public bool DownDuring(long epochStart)
    {
        if (epochStart < _downUntil)
        {
            return true;
        }

        if (_spec.MtbfHours <= 0)
        {
            return false;
        }

        var pFail = 1 - Math.Exp(-_epochMicros / (_spec.MtbfHours * 3_600_000_000.0));
        if (_rng.Chance(pFail))
        {
            _downUntil = epochStart + Math.Max(_epochMicros, (long)(_rng.Exponential(_spec.MttrMinutes) * 60_000_000));
            return true;
        }

        return false;
    }
}
