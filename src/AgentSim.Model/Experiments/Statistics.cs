namespace AgentSim.Model.Experiments;

/// <summary>A mean over replications with its two-sided 95% confidence interval (Student's t); NaN bounds when there is one value.</summary>
/// <param name="Mean">Sample mean.</param>
/// <param name="Low">Lower bound of the 95% interval.</param>
/// <param name="High">Upper bound of the 95% interval.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1).</param>
/// <param name="N">Number of values.</param>
public sealed record Estimate(double Mean, double Low, double High, double StandardDeviation, int N)
{
    /// <summary>Half the interval's width (NaN with fewer than two values).</summary>
    public double HalfWidth => (High - Low) / 2;

    /// <summary>Whether the interval excludes zero: a difference the replications can tell from no difference.</summary>
    public bool ExcludesZero => N > 1 && (Low > 0 || High < 0);
}

/// <summary>
/// The statistics the experiments report: means with t intervals, paired differences, Pearson's r with Fisher's z
/// interval, and least squares for an R² partition. Every function is checked against a hand or table value in the tests.
/// </summary>
public static class Statistics
{
    // Two-sided 95% quantiles of Student's t, t(0.975, df) for df = 1..30 (standard tables, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>t(0.975, df): the two-sided 95% quantile of Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentT975(int df)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(df, 1);
        if (df <= T975.Length)
        {
            return T975[df - 1];
        }

        // Beyond the table: the Cornish-Fisher expansion around z = 1.959964 (error below 1e-4 for df > 30).
        const double z = 1.959963984540054;
        var z3 = z * z * z;
        var z5 = z3 * z * z;
        return z + ((z3 + z) / (4.0 * df)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96.0 * df * df));
    }

    /// <summary>Mean and 95% t interval of <paramref name="values"/>.</summary>
    public static Estimate Mean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        if (n == 0)
        {
            return new Estimate(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        var mean = values.Average();
        if (n == 1)
        {
            return new Estimate(mean, double.NaN, double.NaN, double.NaN, 1);
        }

        var ss = 0.0;
        foreach (var v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        var sd = Math.Sqrt(ss / (n - 1));
        var half = StudentT975(n - 1) * sd / Math.Sqrt(n);
        return new Estimate(mean, mean - half, mean + half, sd, n);
    }

    /// <summary>Paired difference <paramref name="b"/>[i] − <paramref name="a"/>[i] (same replication, same random numbers): mean and 95% t interval.</summary>
    public static Estimate PairedDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"paired samples differ in length ({a.Count} and {b.Count})", nameof(b));
        }

        return Mean([.. a.Zip(b, (x, y) => y - x)]);
    }

    /// <summary>Pearson's correlation coefficient; NaN when either series is constant (the correlation is undefined).</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count < 2)
        {
            return double.NaN;
        }

        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>95% interval of one sample's r by Fisher's z transform (n ≥ 4): tanh(atanh r ± 1.96/√(n − 3)).</summary>
    public static (double Low, double High) FisherInterval(double r, int n)
    {
        if (double.IsNaN(r) || n < 4)
        {
            return (double.NaN, double.NaN);
        }

        var z = Math.Atanh(Math.Clamp(r, -0.9999999, 0.9999999));
        var half = 1.959963984540054 / Math.Sqrt(n - 3);
        return (Math.Tanh(z - half), Math.Tanh(z + half));
    }

    /// <summary>
    /// R² of the least-squares fit of <paramref name="y"/> on the columns of <paramref name="predictors"/> (with an intercept).
    /// NaN when y is constant; predictors that are constant or collinear are dropped from the fit.
    /// </summary>
    public static double RSquared(IReadOnlyList<IReadOnlyList<double>> predictors, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(predictors);
        ArgumentNullException.ThrowIfNull(y);
        var n = y.Count;
        var my = n == 0 ? 0 : y.Average();
        var sst = y.Sum(v => (v - my) * (v - my));
        if (n < 2 || sst == 0)
        {
            return double.NaN;
        }

        // Normal equations on centred columns, solved by Gaussian elimination with partial pivoting; a near-zero pivot drops the column.
        var cols = predictors.Where(p => p.Count == n).Select(p => { var m = p.Average(); return p.Select(v => v - m).ToArray(); }).ToList();
        var k = cols.Count;
        if (k == 0)
        {
            return 0;
        }

        var a = new double[k, k + 1];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                a[i, j] = Dot(cols[i], cols[j]);
            }

            a[i, k] = cols[i].Select((v, r) => v * (y[r] - my)).Sum();
        }

        // Gauss-Jordan: each pivot column gets its own row; a column without a usable pivot (collinear) keeps coefficient 0.
        var pivotRow = new int[k];
        var row = 0;
        for (var c = 0; c < k; c++)
        {
            pivotRow[c] = -1;
            var pivot = -1;
            var best = 1e-12 * Math.Max(1, a[c, c]);
            for (var r = row; r < k; r++)
            {
                if (Math.Abs(a[r, c]) > best)
                {
                    best = Math.Abs(a[r, c]);
                    pivot = r;
                }
            }

            if (pivot < 0)
            {
                continue;
            }

            for (var j = 0; j <= k; j++)
            {
                (a[row, j], a[pivot, j]) = (a[pivot, j], a[row, j]);
            }

            for (var r = 0; r < k; r++)
            {
                if (r == row || a[r, c] == 0)
                {
                    continue;
                }

                var f = a[r, c] / a[row, c];
                for (var j = 0; j <= k; j++)
                {
                    a[r, j] -= f * a[row, j];
                }
            }

            pivotRow[c] = row++;
        }

        // Explained sum of squares = b · X'y over the fitted columns.
        var ssr = 0.0;
        for (var c = 0; c < k; c++)
        {
            if (pivotRow[c] >= 0)
            {
                var b = a[pivotRow[c], k] / a[pivotRow[c], c];
                ssr += b * cols[c].Select((v, r) => v * (y[r] - my)).Sum();
            }
        }

        return Math.Clamp(ssr / sst, 0, 1);
    }

    /// <summary>
    /// Adjusted R²: 1 − (1 − R²)(n − 1)/(n − k − 1) for <paramref name="k"/> predictors and <paramref name="n"/>
    /// observations, which removes the part of R² that k unrelated predictors would explain by chance (about k/(n − 1)).
    /// NaN when R² is NaN or n ≤ k + 1.
    /// </summary>
    public static double AdjustedRSquared(double rSquared, int n, int k)
    {
        if (double.IsNaN(rSquared) || n <= k + 1)
        {
            return double.NaN;
        }

        return 1 - ((1 - rSquared) * (n - 1) / (n - k - 1));
    }

    private static double Dot(double[] x, double[] y)
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            s += x[i] * y[i];
        }

        return s;
    }
}
