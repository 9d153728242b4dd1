namespace AgentSim.Model.Tallies;

/// <summary>
/// Log-linear bucketing of microsecond values (HdrHistogram-style, 32 sub-buckets per power of two, about 3%
/// precision). Buckets are integer counts, so merging histograms in any order gives identical results.
/// </summary>
public static class LatencyHistogram
{
    /// <summary>Buckets per histogram.</summary>
    public const int Buckets = 64 + (35 * 32);

    /// <summary>The bucket of a value in microseconds.</summary>
    public static int BucketOf(long micros)
    {
        if (micros < 64)
        {
            return (int)Math.Max(0, micros);
        }

        var m = 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)micros);
        var index = 64 + ((m - 6) * 32) + (int)((micros >> (m - 5)) & 31);
        return Math.Min(index, Buckets - 1);
    }

    /// <summary>A representative value (bucket midpoint) of a bucket, in microseconds.</summary>
    public static double ValueOf(int bucket)
    {
        if (bucket < 64)
        {
            return bucket;
        }

        var m = ((bucket - 64) / 32) + 6;
        var sub = (bucket - 64) % 32;
        var width = 1L << (m - 5);
        var low = (32L + sub) << (m - 5);
        return low + (width / 2.0);
    }

    /// <summary>The value at quantile <paramref name="q"/> of the counts in <paramref name="counts"/>, in microseconds (0 when empty).</summary>
    public static double Quantile(ReadOnlySpan<long> counts, double q)
    {
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= Math.Max(1, rank))
            {
                return ValueOf(i);
            }
        }

        return ValueOf(counts.Length - 1);
    }
}
