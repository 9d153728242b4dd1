using AgentSim.Model.Tallies;

namespace AgentSim.Model.Tests.Results;

public class LatencyHistogramTests
{
    [Fact]
    public void BucketOf_IsMonotoneAndWithinRange()
    {
        var previous = -1;
        for (long v = 0; v < 1L << 36; v = (v * 11 / 10) + 1)
        {
            var b = LatencyHistogram.BucketOf(v);
            Assert.True(b >= previous);
            Assert.InRange(b, 0, LatencyHistogram.Buckets - 1);
            previous = b;
        }
    }

    [Theory]
    [InlineData(37L)]
    [InlineData(1_234L)]
    [InlineData(987_654L)]
    [InlineData(3_600_000_000L)]
    public void ValueOf_BucketOfValue_IsWithinThreePercent(long micros)
    {
        var v = LatencyHistogram.ValueOf(LatencyHistogram.BucketOf(micros));
        Assert.InRange(v, micros * 0.97, micros * 1.03);
    }

    [Fact]
    public void Quantile_KnownCounts_FindsMedianAndTail()
    {
        var counts = new long[LatencyHistogram.Buckets];
        counts[LatencyHistogram.BucketOf(1_000)] = 98;
        counts[LatencyHistogram.BucketOf(100_000)] = 2;
        Assert.InRange(LatencyHistogram.Quantile(counts, 0.5), 970, 1030);
        Assert.InRange(LatencyHistogram.Quantile(counts, 0.99), 97_000, 103_000);
    }
}
