using AgentSim.Model.Results;

namespace AgentSim.Model.Experiments;

/// <summary>What one enterprise's run measured, the inputs of the success composite.</summary>
/// <param name="ResolvedShare">Share of conversations the AI resolved.</param>
/// <param name="IncidentsPerThousand">Incidents that reached customers (leaks, injections obeyed, unsafe or ungrounded answers) per 1,000 conversations.</param>
/// <param name="AbandonedShare">Share of conversations the customer abandoned.</param>
/// <param name="MeanWaitSeconds">Mean wait in the human queues (over everyone offered to them, weighted by offered); 0 without queues.</param>
/// <param name="AgentsRolledBackShare">Share of the enterprise's agents rolled back at least once.</param>
public sealed record SuccessInputs(double ResolvedShare, double IncidentsPerThousand, double AbandonedShare, double MeanWaitSeconds, double AgentsRolledBackShare)
{
    /// <summary>No run yet.</summary>
    public static SuccessInputs Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The inputs from a run's results.</summary>
    public static SuccessInputs From(RunResults r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var offered = r.Queues.Values.Sum(q => (double)q.Offered);
        var wait = offered > 0 ? r.Queues.Values.Sum(q => q.MeanWaitSeconds * q.Offered) / offered : 0;
        return new SuccessInputs(
            r.OutcomeShares.GetValueOrDefault("resolved"),
            r.Incidents.PerThousandConversations,
            r.OutcomeShares.GetValueOrDefault("abandoned"),
            wait,
            r.Rollbacks.AgentsRolledBackShare);
    }
}

/// <summary>The composite's normalised components (each 0..1, higher is better) and their weighted mean, the deployment success.</summary>
/// <param name="Resolution">Resolved share.</param>
/// <param name="Trust">1 − incidents per 1,000 / the trust-zero level, floored at 0.</param>
/// <param name="Abandonment">1 − abandoned share.</param>
/// <param name="Waits">1 − mean wait / the waits-zero level, floored at 0.</param>
/// <param name="Rollbacks">1 − share of agents rolled back.</param>
/// <param name="Success">Σ weightᵢ · componentᵢ / Σ weightᵢ.</param>
public sealed record SuccessScore(double Resolution, double Trust, double Abandonment, double Waits, double Rollbacks, double Success)
{
    /// <summary>No run yet.</summary>
    public static SuccessScore Empty { get; } = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Deployment success as a survey respondent would mean it: did the AI resolve customers' issues, did customers see it
/// misbehave (trust), did they give up or wait, and did the agent have to be rolled back. Each component is normalised
/// to 0..1 (1 = best) and the composite is their weighted mean with the weights of the assumptions file.
/// </summary>
public static class SuccessComposite
{
    /// <summary>Normalises <paramref name="inputs"/> and weighs them with <paramref name="a"/>'s weights.</summary>
    public static SuccessScore Score(SuccessInputs inputs, GapAssumptions a)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(a);
        var resolution = Math.Clamp(inputs.ResolvedShare, 0, 1);
        var trust = Math.Clamp(1 - (inputs.IncidentsPerThousand / a.TrustZeroIncidentsPerThousand), 0, 1);
        var abandonment = Math.Clamp(1 - inputs.AbandonedShare, 0, 1);
        var waits = Math.Clamp(1 - (inputs.MeanWaitSeconds / a.WaitsZeroSeconds), 0, 1);
        var rollbacks = Math.Clamp(1 - inputs.AgentsRolledBackShare, 0, 1);
        var total = a.WeightResolution + a.WeightTrust + a.WeightAbandonment + a.WeightWaits + a.WeightRollbacks;
        var success = ((a.WeightResolution * resolution) + (a.WeightTrust * trust) + (a.WeightAbandonment * abandonment) + (a.WeightWaits * waits) + (a.WeightRollbacks * rollbacks)) / total;
        return new SuccessScore(resolution, trust, abandonment, waits, rollbacks, success);
    }
}
