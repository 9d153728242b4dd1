using AgentSim.Model.Randomness;

namespace AgentSim.Model.Tests.Randomness;

public class RngTests
{
    [Fact]
    public void Stream_SameSeedEntityPurpose_RepeatsExactly()
    {
        var a = new Rng(42, 7, Purpose.Conversation);
        var b = new Rng(42, 7, Purpose.Conversation);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Theory]
    [InlineData(43UL, 7UL, Purpose.Conversation)]
    [InlineData(42UL, 8UL, Purpose.Conversation)]
    [InlineData(42UL, 7UL, Purpose.Customer)]
    public void Stream_AnyPartOfKeyDiffers_Diverges(ulong seed, ulong entity, Purpose purpose)
    {
        var a = new Rng(42, 7, Purpose.Conversation);
        var b = new Rng(seed, entity, purpose);
        var same = Enumerable.Range(0, 64).Count(_ => a.NextUInt64() == b.NextUInt64());
        Assert.True(same < 2);
    }

    [Fact]
    public void NextDouble_ManyDraws_IsUniformOnUnitInterval()
    {
        var rng = new Rng(1);
        var buckets = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            var x = rng.NextDouble();
            Assert.InRange(x, 0, 0.9999999999);
            buckets[(int)(x * 10)]++;
        }

        Assert.All(buckets, b => Assert.InRange(b, 9_500, 10_500));
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(300.0)]
    public void Poisson_ManyDraws_HasRequestedMean(double mean)
    {
        var rng = new Rng(9);
        var total = 0L;
        const int n = 20_000;
        for (var i = 0; i < n; i++)
        {
            total += rng.Poisson(mean);
        }

        Assert.InRange(total / (double)n, mean * 0.98, mean * 1.02);
    }

    [Fact]
    public void LogNormal_FittedToP50AndP99_ReproducesThem()
    {
        var dist = new LogNormal(100, 1000);
        var rng = new Rng(5);
        var samples = Enumerable.Range(0, 50_000).Select(_ => dist.SampleMicros(ref rng) / 1000.0).Order().ToArray();
        Assert.InRange(samples[25_000], 95, 105);
        Assert.InRange(samples[49_500], 900, 1100);
    }

    [Fact]
    public void WeightedTable_Weights_AreRespected()
    {
        var table = new WeightedTable([1, 0, 3]);
        var rng = new Rng(3);
        var counts = new int[3];
        for (var i = 0; i < 40_000; i++)
        {
            counts[table.Sample(ref rng)]++;
        }

        Assert.Equal(0, counts[1]);
        Assert.InRange(counts[2] / (double)counts[0], 2.8, 3.2);
    }
}
