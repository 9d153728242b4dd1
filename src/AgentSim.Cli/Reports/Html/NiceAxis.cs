using System.Globalization;

namespace AgentSim.Cli.Reports.Html;

/// <summary>An axis range widened to whole steps of 1, 2 or 5 times a power of ten, with its ticks.</summary>
/// <param name="Min">First tick.</param>
/// <param name="Max">Last tick.</param>
/// <param name="Step">Distance between ticks.</param>
public readonly record struct NiceAxis(double Min, double Max, double Step)
{
    /// <summary>The nice axis covering <paramref name="low"/>..<paramref name="high"/> in about <paramref name="ticks"/> steps.</summary>
    public static NiceAxis Of(double low, double high, int ticks = 5)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            (low, high) = (0, 1);
        }

        if (low > high)
        {
            (low, high) = (high, low);
        }

        if (high - low <= Math.Max(Math.Abs(low), Math.Abs(high)) * 1e-12)
        {
            // One value: a range around it (from zero when it is positive or negative, 0..1 when it is zero).
            (low, high) = low == 0 ? (0.0, 1.0) : low > 0 ? (0.0, low) : (low, 0.0);
        }

        var step = NiceStep((high - low) / Math.Max(1, ticks));
        var min = Math.Floor((low / step) + 1e-9) * step;
        var max = Math.Ceiling((high / step) - 1e-9) * step;
        return new NiceAxis(Clean(min, step), Clean(max, step), step);
    }

    /// <summary>1, 2, 5 or 10 times the power of ten at or below <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = (raw / magnitude) - 1e-9;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    /// <summary>The ticks from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= count; i++)
        {
            yield return Clean(Min + (i * Step), Step);
        }
    }

    /// <summary>A tick's label: as many decimals as the step needs, thousands separated.</summary>
    public string Label(double tick)
    {
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step) + 1e-9));
        return tick.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    // A multiple of the step without floating-point dust (0.30000000000000004 → 0.3) and never -0.
    private static double Clean(double value, double step)
    {
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step)) + 1, 0, 15);
        var rounded = Math.Round(value, decimals);
        return rounded == 0 ? 0 : rounded;
    }
}
