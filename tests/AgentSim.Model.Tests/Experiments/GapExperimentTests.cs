using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Experiments;
using AgentSim.Model.Guardrails;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Experiments;

/// <summary>The gap experiment: the composite, independent factors, rollbacks over the horizon, undefined r, monotone effects.</summary>
public class GapExperimentTests
{
    private static Enterprise Plain(bool unreliable = false, bool limited = false, bool noAi = false, bool custom = false, double investment = 0.5) => new()
    {
        Replication = 0,
        Index = 0,
        UnreliableProvider = unreliable,
        LimitedMultiChannel = limited,
        NoAiIntegration = noAi,
        CustomContext = custom,
        GuardrailInvestment = investment,
        IncidentBudget = 18,
    };

    [Fact]
    public void SuccessComposite_ConstructedEnterprise_IsTheHandCalculatedWeightedMean()
    {
        // resolution 0.6; trust 1 − 10/50 = 0.8; abandonment 1 − 0.1 = 0.9; waits 1 − 60/300 = 0.8; rollbacks 1 − 0.5 = 0.5.
        // 0.35·0.6 + 0.25·0.8 + 0.15·0.9 + 0.10·0.8 + 0.15·0.5 = 0.21 + 0.20 + 0.135 + 0.08 + 0.075 = 0.70.
        var score = SuccessComposite.Score(new SuccessInputs(0.6, 10, 0.1, 60, 0.5), new GapAssumptions());
        Assert.Equal(0.8, score.Trust, 12);
        Assert.Equal(0.8, score.Waits, 12);
        Assert.Equal(0.70, score.Success, 12);
    }

    [Fact]
    public void SuccessComposite_PastTheZeroLevels_FloorsAtZeroAndRenormalisesWeights()
    {
        // Trust and waits past their zero levels count 0; with only resolution (weight 2) and trust (weight 1) weighted: (2·0.9 + 1·0) / 3.
        var a = new GapAssumptions { WeightResolution = 2, WeightTrust = 1, WeightAbandonment = 0, WeightWaits = 0, WeightRollbacks = 0 };
        var score = SuccessComposite.Score(new SuccessInputs(0.9, 80, 0, 900, 0), a);
        Assert.Equal(0, score.Trust);
        Assert.Equal(0, score.Waits);
        Assert.Equal(0.6, score.Success, 12);
    }

    [Fact]
    public void Simulate_OneEnterprise_ScoresWhatItsRunMeasured()
    {
        var a = new GapAssumptions();
        var e = GapExperiment.Simulate(Presets.Load("baseline"), Plain(unreliable: true), a, 7, 200);
        Assert.True(e.Inputs.ResolvedShare > 0);
        Assert.Equal(SuccessComposite.Score(e.Inputs, a), e.Score);
    }

    [Fact]
    public void Variant_LimitedMultiChannelOnly_KeepsAiIntegrationAndNativeGuardrails()
    {
        var baseline = Presets.Load("baseline");
        var s = GapExperiment.Variant(baseline, Plain(limited: true), new GapAssumptions(), 1);
        var primary = s.Providers.Single(p => p.Name == "omnicx");
        var second = s.Providers.Single(p => p.Name == GapExperiment.SecondProvider);
        Assert.True(primary.AiIntegration);
        Assert.True(second.AiIntegration);
        Assert.True(primary.NativeContext);
        Assert.Equal(baseline.Providers[0].ErrorRate, primary.ErrorRate);
        Assert.DoesNotContain(Channel.Voice, primary.Channels);
        Assert.Equal(GapExperiment.SecondProvider, s.Routing[Channel.Voice].Primary);
        Assert.Equal("omnicx", s.Routing[Channel.WebChat].Primary);
        var kinds = s.Guardrails.Where(g => g.Placement == Placement.Platform && g.Provider == "omnicx").Select(g => (g.Kind, g.Stage)).Order();
        Assert.Equal(kinds, s.Guardrails.Where(g => g.Provider == GapExperiment.SecondProvider).Select(g => (g.Kind, g.Stage)).Order());
    }

    [Fact]
    public void Variant_EachGapAlone_ChangesOnlyItsOwnThing()
    {
        var baseline = Presets.Load("baseline");
        var a = new GapAssumptions();
        var noAi = GapExperiment.Variant(baseline, Plain(noAi: true), a, 1);
        Assert.False(noAi.Providers.Single(p => p.Name == "omnicx").AiIntegration);
        Assert.Equal(baseline.Providers.Count, noAi.Providers.Count);
        Assert.True(noAi.Providers.Single(p => p.Name == "omnicx").NativeContext);
        Assert.Equal(baseline.Providers[0].Channels, noAi.Providers.Single(p => p.Name == "omnicx").Channels);

        var unreliable = GapExperiment.Variant(baseline, Plain(unreliable: true), a, 1);
        var u = unreliable.Providers.Single(p => p.Name == "omnicx");
        Assert.Equal(a.UnreliableErrorRate, u.ErrorRate);
        Assert.True(u.AiIntegration);
        Assert.True(u.NativeContext);

        var custom = GapExperiment.Variant(baseline, Plain(custom: true), a, 1);
        Assert.False(custom.Providers.Single(p => p.Name == "omnicx").NativeContext);
        Assert.True(custom.Providers.Single(p => p.Name == "omnicx").AiIntegration);
        Assert.Equal(a.CustomContextSuccessRate, custom.Context.Store!.SuccessRate);
    }

    [Fact]
    public void Variant_GuardrailInvestment_SetsTheIncidentBudgetOfEveryAgent()
    {
        var a = new GapAssumptions();
        var none = GapExperiment.Draw(a, 3, 0, 0) with { GuardrailInvestment = 0 };
        var s = GapExperiment.Variant(Presets.Load("baseline"), Plain(investment: 1) with { IncidentBudget = 6 }, a, 1);
        Assert.All(s.Agents, agent => Assert.Equal(6, agent.Governance.IncidentBudget));
        Assert.Equal(5, s.Guardrails.Count(g => g.Placement == Placement.Application));
        Assert.DoesNotContain(GapExperiment.Variant(Presets.Load("baseline"), none, a, 1).Guardrails, g => g.Placement == Placement.Application);
    }

    [Fact]
    public void Draw_FourThousandEnterprises_GapsAtTheirSharesAndIndependent()
    {
        var a = new GapAssumptions();
        var e = Enumerable.Range(0, 4000).Select(i => GapExperiment.Draw(a, 11, 0, i)).ToList();
        double Share(Func<Enterprise, bool> f) => e.Count(f) / (double)e.Count;
        Assert.InRange(Share(x => x.UnreliableProvider), 0.39, 0.45);
        Assert.InRange(Share(x => x.LimitedMultiChannel), 0.34, 0.40);
        Assert.InRange(Share(x => x.NoAiIntegration), 0.29, 0.35);
        Assert.InRange(Share(x => x.CustomContext), 0.52, 0.58);

        // Independence: the joint share is the product of the shares, and the investment does not follow the gaps.
        Assert.InRange(Share(x => x.LimitedMultiChannel && x.NoAiIntegration) - (Share(x => x.LimitedMultiChannel) * Share(x => x.NoAiIntegration)), -0.02, 0.02);
        Assert.InRange(Statistics.Pearson([.. e.Select(x => x.InfrastructureQuality)], [.. e.Select(x => x.GuardrailInvestment)]), -0.05, 0.05);
    }

    [Fact]
    public void Run_DefaultHorizon_SomeEnterpriseRollsBack()
    {
        var a = new GapAssumptions { Enterprises = 8, Replications = 1 };
        var report = GapExperiment.Run(Presets.Load("baseline"), a, seed: 2026, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(7200, a.HorizonConversations);
        Assert.Contains(report.Enterprises, e => e.RolledBack);
        Assert.True(report.Estimates.RolledBackShare.Mean > 0);
    }

    [Fact]
    public void Run_EveryShareOne_InfrastructureCorrelationUndefined()
    {
        var a = new GapAssumptions { Enterprises = 5, HorizonConversations = 60, Replications = 2, UnreliableShare = 1, LimitedChannelsShare = 1, NoAiIntegrationShare = 1, CustomContextShare = 1 };
        var report = GapExperiment.Run(Presets.Load("baseline"), a, seed: 4, cancellation: TestContext.Current.CancellationToken);
        Assert.All(report.Replications, r => Assert.Null(r.InfrastructureR));
        Assert.Null(report.Estimates.InfrastructureR.Mean);
        Assert.Equal(2, report.Estimates.InfrastructureR.Undefined);
        Assert.False(report.Estimates.InfrastructureR.IsDefined);
        Assert.NotNull(report.Estimates.GuardrailR.Mean);
    }

    [Fact]
    public void Run_SameSeed_SameEnterprisesAndStatistics()
    {
        var a = new GapAssumptions { Enterprises = 6, HorizonConversations = 100, Replications = 2 };
        var x = GapExperiment.Run(Presets.Load("baseline"), a, seed: 1, cancellation: TestContext.Current.CancellationToken);
        var y = GapExperiment.Run(Presets.Load("baseline"), a, seed: 1, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(x.Enterprises, y.Enterprises);
        Assert.Equal(x.Replications.Select(r => r.InfrastructureR), y.Replications.Select(r => r.InfrastructureR));
        Assert.NotEqual(x.Enterprises.Where(e => e.Replication == 0).Select(e => e.GuardrailInvestment), x.Enterprises.Where(e => e.Replication == 1).Select(e => e.GuardrailInvestment));
    }

    [Fact]
    public void Run_OneThreadOrMany_SameEnterprises()
    {
        var a = new GapAssumptions { Enterprises = 8, HorizonConversations = 120, Replications = 1 };
        var one = GapExperiment.Run(Presets.Load("baseline"), a, seed: 6, parallelism: 1, cancellation: TestContext.Current.CancellationToken);
        var many = GapExperiment.Run(Presets.Load("baseline"), a, seed: 6, parallelism: 4, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(one.Enterprises, many.Enterprises);
    }

    [Fact]
    public void Run_MoreUnreliableProvider_LowerMeanSuccess()
    {
        // Every enterprise has the unreliable provider and nothing else; the same seed gives the same enterprises and
        // customers, so only the error rate differs. More provider errors mean more failovers and failures: less success.
        var a = new GapAssumptions { Enterprises = 6, HorizonConversations = 300, Replications = 1, UnreliableShare = 1, LimitedChannelsShare = 0, NoAiIntegrationShare = 0, CustomContextShare = 0 };
        var mild = GapExperiment.Run(Presets.Load("baseline"), a with { UnreliableErrorRate = 0.01 }, seed: 9, cancellation: TestContext.Current.CancellationToken);
        var harsh = GapExperiment.Run(Presets.Load("baseline"), a with { UnreliableErrorRate = 0.4 }, seed: 9, cancellation: TestContext.Current.CancellationToken);
        Assert.True(harsh.Estimates.MeanSuccess.Mean < mild.Estimates.MeanSuccess.Mean, $"{harsh.Estimates.MeanSuccess.Mean} vs {mild.Estimates.MeanSuccess.Mean}");
    }

    [Fact]
    public void Run_Sensitivity_OneRowPerHorizonReusingTheMainRun()
    {
        var a = new GapAssumptions { Enterprises = 4, HorizonConversations = 60, Replications = 2, SensitivityHorizons = [30, 60] };
        var report = GapExperiment.Run(Presets.Load("baseline"), a, seed: 2, sensitivity: true, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal([30, 60], report.Sensitivity!.Select(s => s.HorizonConversations));
        Assert.Equal(report.Estimates.MeanSuccess, report.Sensitivity![1].MeanSuccess);
    }

    [Fact]
    public void MostGoverned_TopQuarterByInvestment()
    {
        var a = new GapAssumptions();
        var population = Enumerable.Range(0, 10).Select(i => Plain(investment: i / 10.0) with { Index = i }).ToList();
        Assert.Equal([9, 8, 7], GapExperiment.MostGoverned(population, a).Select(e => e.Index));
    }

    [Fact]
    public void GapEstimate_UndefinedValues_AreCountedNotAveraged()
    {
        var e = GapEstimate.Of([0.2, double.NaN, 0.4]);
        Assert.Equal(0.3, e.Mean!.Value, 12);
        Assert.Equal(2, e.N);
        Assert.Equal(1, e.Undefined);
        Assert.Null(GapEstimate.Of([double.NaN]).Mean);
    }

    [Fact]
    public void GapEstimate_Share_IntervalCutAtOneHundredPercent()
    {
        var e = GapEstimate.OfShare([0.95, 1.0, 1.0, 0.9]);
        Assert.Equal(1, e.High);
        Assert.True(GapEstimate.Of([0.95, 1.0, 1.0, 0.9]).High > 1);
        Assert.Equal(0.9625, e.Mean!.Value, 12);
    }

    [Fact]
    public void AdjustedRSquared_HandValue()
    {
        // 1 − (1 − 0.5)·(11 − 1)/(11 − 2 − 1) = 1 − 0.5·10/8 = 0.375.
        Assert.Equal(0.375, Statistics.AdjustedRSquared(0.5, 11, 2), 12);
        Assert.True(double.IsNaN(Statistics.AdjustedRSquared(0.5, 3, 2)));
    }

    [Fact]
    public void Assumptions_OutOfRange_NameTheKey()
    {
        var problems = new GapAssumptions { UnreliableShare = 1.5, WeightResolution = 0, WeightTrust = 0, WeightAbandonment = 0, WeightWaits = 0, WeightRollbacks = 0 }.Problems();
        Assert.Contains(problems, p => p.Key == "shares.unreliable_provider");
        Assert.Contains(problems, p => p.Key == "success.weights");
    }
}
