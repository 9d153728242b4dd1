namespace AgentSim.Model.Randomness;

/// <summary>Draws an index with probability proportional to its weight.</summary>
public sealed class WeightedTable
{
    private readonly double[] _cumulative;

    /// <summary>Builds the table; weights must be non-negative with a positive sum.</summary>
    public WeightedTable(IReadOnlyList<double> weights)
    {
        _cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += Math.Max(0, weights[i]);
            _cumulative[i] = sum;
        }

        Total = sum;
    }

    /// <summary>Sum of the weights.</summary>
    public double Total { get; }

    /// <summary>Number of entries.</summary>
    public int Count => _cumulative.Length;

    /// <summary>Draws an index; -1 when every weight is zero.</summary>
    public int Sample(ref Rng rng)
    {
        if (Total <= 0)
        {
            return -1;
        }

        var x = rng.NextDouble() * Total;
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (x < _cumulative[i])
            {
                return i;
            }
        }

        return _cumulative.Length - 1;
    }
}
