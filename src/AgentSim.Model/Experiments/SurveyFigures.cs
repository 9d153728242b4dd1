namespace AgentSim.Model.Experiments;

/// <summary>
/// The survey's figures the gap experiment sets beside its own, each with its sentence from the survey's chapter 4
/// ("The AI Production Paradox", Sinch 2026; shared/seed/ai-production-paradox-chapter4.txt), the only source used.
/// </summary>
public static class SurveyFigures
{
    /// <summary>Sentence behind the 42% reliability shortfall.</summary>
    public const string ReliabilitySource = "42% of respondents report insufficient reliability for AI at scale from their current provider. (Sinch, 2026)";

    /// <summary>Sentence behind the 37% multi-channel shortfall.</summary>
    public const string MultiChannelSource = "37% of respondents cite limited multi-channel capability from their current provider. (Sinch, 2026)";

    /// <summary>Sentence behind the 32% AI-integration shortfall.</summary>
    public const string AiIntegrationSource = "32% of respondents report a lack of AI platform integrations from their current provider. (Sinch, 2026)";

    /// <summary>Sentence behind the 55% custom-engineering context.</summary>
    public const string CustomContextSource = "Our research shows that more than half of enterprises (55%) are custom-engineering the ability to preserve customer context when someone switches channels – from chat to voice, from WhatsApp to a phone call – because their platform doesn’t provide it natively.";

    /// <summary>Sentence behind the 74% rolled back.</summary>
    public const string RolledBackSource = "74% of organizations that reached production have still shut down or rolled back an agent.";

    /// <summary>Sentence behind the 81% among the most governed.</summary>
    public const string MostGovernedSource = "Among the most governed programs – the ones investing most heavily in safety – the rate is 81%.";

    /// <summary>Sentence behind r = 0.52.</summary>
    public const string CorrelationSource = "The correlation between infrastructure satisfaction and AI deployment confidence is 0.52 – the strongest relationship across 4,656 variable pairs analyzed in this study.";

    /// <summary>Sentence behind the guardrail comparison (the survey gives no r for it).</summary>
    public const string GuardrailSource = "How an organization feels about its communications infrastructure is a better predictor of AI success than its investment level, guardrail maturity, or how long it has been deploying AI.";

    /// <summary>The survey-vs-simulation rows: four inputs, then the outcomes.</summary>
    public static IReadOnlyList<SurveyRow> Rows(GapEstimates estimates, IReadOnlyList<GapReplication> replications)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(replications);
        GapEstimate Drawn(int i) => GapEstimate.OfShare(replications.Select(r => r.DrawnShares[i]));
        const string input = "INPUT: the simulation draws each enterprise's gap at this share; the simulated column is the share actually drawn.";
        return
        [
            new("Provider falls short on reliability", "input", 0.42, "42%", Drawn(0), ReliabilitySource, input + " Effect: the primary provider's error rate and outages."),
            new("Provider has limited multi-channel capability", "input", 0.37, "37%", Drawn(1), MultiChannelSource, input + " Effect: voice and RCS on a second provider, no native context across the two."),
            new("Provider lacks AI platform integration", "input", 0.32, "32%", Drawn(2), AiIntegrationSource, input + " Effect: a team-built connector with its latency and errors."),
            new("Custom-engineering cross-channel context", "input", 0.55, "55%", Drawn(3), CustomContextSource, input + " Effect: no native context; a team-built store with a lower success rate."),
            new("Shut down or rolled back an agent at least once", "outcome", 0.74, "74%", estimates.RolledBackShare, RolledBackSource, "Survey: organisations in production, over their whole history. Simulation: enterprises with at least one rollback within the horizon only; a longer horizon can only raise it."),
            new("… among the most governed programs", "outcome", 0.81, "81%", estimates.MostGovernedRolledBackShare, MostGovernedSource, "Simulation: the top share of guardrail investment (see most_governed_share), whose investment also sets the stricter incident budget."),
            new("r(infrastructure, success)", "outcome", 0.52, "0.52", estimates.InfrastructureR, CorrelationSource, "Survey: infrastructure SATISFACTION vs AI deployment CONFIDENCE, both as respondents rate them. Simulation: infrastructure quality (share of the four gaps absent) vs the composite deployment success; a different pair of variables."),
            new("r(guardrail investment, success)", "outcome", null, "weaker than 0.52 (no figure given)", estimates.GuardrailR, GuardrailSource, "The survey ranks guardrail maturity below infrastructure without giving its r. Simulation: guardrail investment (0..1) vs the composite success."),
        ];
    }
}
