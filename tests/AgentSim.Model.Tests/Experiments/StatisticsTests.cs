using AgentSim.Model.Experiments;

namespace AgentSim.Model.Tests.Experiments;

/// <summary>The experiments' statistics against hand calculations and published table values.</summary>
public class StatisticsTests
{
    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(4, 2.776)]   // five replications
    [InlineData(30, 2.042)]
    [InlineData(40, 2.021)]  // beyond the table: t(0.975, 40) = 2.021 (NIST table)
    [InlineData(120, 1.980)] // t(0.975, 120) = 1.980
    public void StudentT975_MatchesTheTable(int df, double expected) =>
        Assert.Equal(expected, Statistics.StudentT975(df), 3);

    [Fact]
    public void Mean_OfFiveValues_IsTheHandCalculatedTInterval()
    {
        // 2, 4, 4, 4, 6: mean 4, s² = (4+0+0+0+4)/4 = 2, half-width = 2.776 · √2 / √5 = 1.7557.
        var e = Statistics.Mean([2, 4, 4, 4, 6]);
        Assert.Equal(4, e.Mean, 12);
        Assert.Equal(Math.Sqrt(2), e.StandardDeviation, 12);
        Assert.Equal(2.776 * Math.Sqrt(2) / Math.Sqrt(5), e.HalfWidth, 9);
        Assert.True(e.ExcludesZero);
    }

    [Fact]
    public void Mean_OfOneValue_HasNoInterval()
    {
        var e = Statistics.Mean([3.5]);
        Assert.Equal(3.5, e.Mean);
        Assert.True(double.IsNaN(e.Low) && double.IsNaN(e.High));
        Assert.False(e.ExcludesZero);
    }

    [Fact]
    public void PairedDifference_RemovesWhatTheReplicationsShare()
    {
        // The replications differ by a lot (10, 20, 30, 40) but b is a + 1 ± 0.1: the paired interval is narrow around 1.
        double[] a = [10, 20, 30, 40];
        double[] b = [11.1, 20.9, 31.1, 40.9];
        var d = Statistics.PairedDifference(a, b);
        Assert.Equal(1.0, d.Mean, 12);
        Assert.True(d.HalfWidth < 0.2, $"paired half-width {d.HalfWidth}");
        Assert.True(d.ExcludesZero);
        var unpaired = Statistics.Mean(b).HalfWidth;
        Assert.True(unpaired > 10, $"unpaired half-width {unpaired}");
    }

    [Fact]
    public void Pearson_IsOneForALineAndUndefinedForAConstant()
    {
        Assert.Equal(1.0, Statistics.Pearson([1, 2, 3, 4], [3, 5, 7, 9]), 12);
        Assert.Equal(-1.0, Statistics.Pearson([1, 2, 3, 4], [4, 3, 2, 1]), 12);
        Assert.True(double.IsNaN(Statistics.Pearson([1, 1, 1, 1], [1, 2, 3, 4])));
        // Hand calculation: x = 1,2,3 y = 1,3,2: sxy = 1, sxx = 2, syy = 2, r = 0.5.
        Assert.Equal(0.5, Statistics.Pearson([1, 2, 3], [1, 3, 2]), 12);
    }

    [Fact]
    public void FisherInterval_MatchesTheHandCalculation()
    {
        // r = 0.5, n = 28: atanh 0.5 = 0.549306, ± 1.96/5 = 0.391993 → tanh(0.157313) = 0.15603, tanh(0.941299) = 0.73578.
        var (low, high) = Statistics.FisherInterval(0.5, 28);
        Assert.Equal(0.15603, low, 4);
        Assert.Equal(0.73578, high, 4);
    }

    [Fact]
    public void RSquared_OfIndependentPredictors_AddsUpTheirSquaredCorrelations()
    {
        // x1 and x2 are orthogonal (centred), y = 2 x1 + x2 exactly: R² = 1, and each alone explains r².
        double[] x1 = [1, -1, 1, -1];
        double[] x2 = [1, 1, -1, -1];
        double[] y = [3, -1, 1, -3];
        Assert.Equal(1.0, Statistics.RSquared([x1, x2], y), 12);
        Assert.Equal(0.8, Statistics.RSquared([x1], y), 12);   // r(x1,y)² = 16/20
        Assert.Equal(0.2, Statistics.RSquared([x2], y), 12);   // r(x2,y)² = 4/20
        // A duplicated column is collinear and changes nothing.
        Assert.Equal(0.8, Statistics.RSquared([x1, x1], y), 12);
        Assert.True(double.IsNaN(Statistics.RSquared([x1], [2, 2, 2, 2])));
    }
}
