using AgentSim.Cli.Reports.Html;
using static AgentSim.Cli.Tests.Reports.ChartGeometry;

namespace AgentSim.Cli.Tests.Reports;

/// <summary>
/// The charts' geometry read back from the SVG: every expected position is worked out here from the axis's own ticks
/// (value → coordinate through the first and last tick), so a wrong scale, a whisker on the wrong ends or a band that
/// misses its edges fails.
/// </summary>
public sealed class SvgChartsTests
{
    private const double Tolerance = 0.02;

    [Fact]
    public void Bars_WithIntervals_BarRunsFromZeroToValueAndWhiskerSpansLowToHigh()
    {
        var chart = Parse(SvgCharts.Bars("Success", "% of conversations", [new("native", 62, 58.5, 65.25), new("app-only", 41.5, 37, 47)]));
        var x = chart.Scale("grid", "x1");

        var bars = chart.ByClass("bar");
        var whiskers = chart.ByClass("whisker");
        Assert.Equal(2, bars.Count);
        Assert.Equal(2, whiskers.Count);
        Assert.Equal(x(0), D(bars[1], "x"), Tolerance);
        Assert.Equal(x(41.5) - x(0), D(bars[1], "width"), Tolerance);
        Assert.Equal(x(58.5), D(whiskers[0], "x1"), Tolerance);
        Assert.Equal(x(65.25), D(whiskers[0], "x2"), Tolerance);
        Assert.Equal(x(37), D(whiskers[1], "x1"), Tolerance);
        Assert.Equal(x(47), D(whiskers[1], "x2"), Tolerance);
        // The whisker sits across the middle of its bar.
        Assert.Equal(D(bars[0], "y") + (D(bars[0], "height") / 2), D(whiskers[0], "y1"), Tolerance);
        Assert.Empty(chart.ByClass("zero"));
    }

    [Fact]
    public void Bars_WithANegativeValue_ZeroLineAtZeroAndTheBarGoesLeftOfIt()
    {
        var chart = Parse(SvgCharts.Bars("Change in success", "percentage points", [new("native", 12), new("app-only", -7.5, -11, -3)]));
        var x = chart.Scale("grid", "x1");

        var zero = Assert.Single(chart.ByClass("zero"));
        Assert.Equal(x(0), D(zero, "x1"), Tolerance);
        Assert.Equal(x(0), D(zero, "x2"), Tolerance);
        var negative = chart.ByClass("bar")[1];
        Assert.Equal(x(-7.5), D(negative, "x"), Tolerance);
        Assert.Equal(x(0) - x(-7.5), D(negative, "width"), Tolerance);
        Assert.True(chart.Ticks("grid")[0] <= -11, "the scale reaches the lowest interval end");
        var whisker = Assert.Single(chart.ByClass("whisker"));
        Assert.Equal(x(-11), D(whisker, "x1"), Tolerance);
        Assert.Equal(x(-3), D(whisker, "x2"), Tolerance);
    }

    [Fact]
    public void Bars_NotANumber_SaysUndefinedAndWritesNoNaNOrInfinity()
    {
        var svg = SvgCharts.Bars("Rates", "per 1,000", [new("a", double.NaN), new("b", 4, double.NegativeInfinity, 5), new("c", double.PositiveInfinity)]);

        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", svg, StringComparison.Ordinal);
        var chart = Parse(svg);
        Assert.Equal(2, chart.ByClass("undefined").Count);
        Assert.Single(chart.ByClass("bar"));
        Assert.Empty(chart.ByClass("whisker"));
    }

    [Fact]
    public void Bars_LabelsWithMarkup_AreEscaped()
    {
        var svg = SvgCharts.Bars("A <b> & \"c\"", "ms & more", [new("x < y & z", 1)]);

        Assert.Contains("x &lt; y &amp; z", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"A &lt;b&gt; &amp; &quot;c&quot;\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>", svg, StringComparison.Ordinal);
        Assert.Contains("ms &amp; more", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        Assert.Equal("x < y & z", Parse(svg).ByClass("label")[0].Value);
    }

    [Fact]
    public void Lines_Band_CoversLowToHighOnTheAxisScale()
    {
        LinePoint[] points = [new(0.1, 20, 15, 26), new(0.3, 35, 30, 41.5), new(0.5, 42, 38, 47)];
        var chart = Parse(SvgCharts.Lines("Success by switch rate", "switch probability", "% success", [new("native", points)]));
        var x = chart.Scale("x", "x1");
        var y = chart.Scale("y", "y1");

        var band = Points(Assert.Single(chart.ByClass("band")));
        Assert.Equal(6, band.Count);
        for (var i = 0; i < 3; i++)
        {
            // Along the high edge left to right, then back along the low edge.
            Assert.Equal(x(points[i].X), band[i].X, Tolerance);
            Assert.Equal(y(points[i].High!.Value), band[i].Y, Tolerance);
            Assert.Equal(x(points[2 - i].X), band[3 + i].X, Tolerance);
            Assert.Equal(y(points[2 - i].Low!.Value), band[3 + i].Y, Tolerance);
        }

        var line = Points(Assert.Single(chart.ByClass("line")));
        Assert.Equal([.. points.Select(p => (x(p.X), y(p.Y)))], line.Select(p => (Math.Round(p.X, 1), Math.Round(p.Y, 1))), (a, b) => Math.Abs(a.Item1 - b.Item1) < 0.1 && Math.Abs(a.Item2 - b.Item2) < 0.1);
        Assert.True(y(47) < y(15), "higher values are drawn higher up");
    }

    [Fact]
    public void Lines_PointsNotANumber_AreLeftOutAndTheRestDrawnInOrderOfX()
    {
        var svg = SvgCharts.Lines("Sweep", "x", "y", [new("a", [new(3, 1), new(double.NaN, 2), new(1, double.PositiveInfinity), new(2, 5, double.NaN, 6), new(0, 4)])]);

        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", svg, StringComparison.Ordinal);
        var chart = Parse(svg);
        var x = chart.Scale("x", "x1");
        var line = Points(Assert.Single(chart.ByClass("line")));
        Assert.Equal([x(0), x(2), x(3)], line.Select(p => p.X), new ToleranceComparer());
        Assert.Empty(chart.ByClass("band"));
        Assert.Equal(3, chart.ByClass("point").Count);
    }

    [Fact]
    public void Lines_TwoSeries_EachInTheLegendWithItsOwnColour()
    {
        var chart = Parse(SvgCharts.Lines("Sweep", "x", "y", [new("first", [new(0, 1), new(1, 2)]), new("second", [new(0, 2), new(1, 1)])]));

        var legend = Assert.Single(chart.ByClass("legend"));
        Assert.Equal(["first", "second"], legend.Elements().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        var strokes = chart.ByClass("line").Select(l => (string)l.Attribute("stroke")!).ToArray();
        Assert.Equal(2, strokes.Distinct().Count());
        Assert.Equal(SvgCharts.Palette[0], strokes[0]);
    }

    [Fact]
    public void Scatter_Fit_EndsLieOnTheFittedLineInsideThePlot()
    {
        ScatterPoint[] points = [new(0.2, 30, "retail"), new(0.5, 52, "bank"), new(0.9, 81, "retail"), new(0.7, 60, "bank")];
        var chart = Parse(SvgCharts.Scatter("Quality vs success", "infrastructure quality", "% success", points, (0, 110)));
        var x = chart.Scale("x", "x1");
        var y = chart.Scale("y", "y1");
        var (xTicks, yTicks) = (chart.Ticks("x"), chart.Ticks("y"));

        var fit = Assert.Single(chart.ByClass("fit"));
        foreach (var (cx, cy) in new[] { ("x1", "y1"), ("x2", "y2") })
        {
            // Back from the page to data: y = 110 x, cut where it leaves the plot (y = 100 at x = 0.909).
            var dataX = xTicks[0] + ((D(fit, cx) - x(xTicks[0])) / (x(xTicks[^1]) - x(xTicks[0])) * (xTicks[^1] - xTicks[0]));
            Assert.Equal(y(110 * dataX), D(fit, cy), 0.05);
            Assert.InRange(D(fit, cy), y(yTicks[^1]) - Tolerance, y(yTicks[0]) + Tolerance);
            Assert.InRange(D(fit, cx), x(xTicks[0]) - Tolerance, x(xTicks[^1]) + Tolerance);
        }

        Assert.Equal(y(100), Math.Min(D(fit, "y1"), D(fit, "y2")), Tolerance);

        var circles = chart.ByClass("point");
        Assert.Equal(4, circles.Count);
        Assert.Equal(x(0.5), D(circles[1], "cx"), Tolerance);
        Assert.Equal(y(52), D(circles[1], "cy"), Tolerance);
        // Groups: one colour each, in the legend in order of first appearance.
        Assert.Equal(circles[0].Attribute("fill")!.Value, circles[2].Attribute("fill")!.Value);
        Assert.NotEqual(circles[0].Attribute("fill")!.Value, circles[1].Attribute("fill")!.Value);
        Assert.Equal(["retail", "bank"], chart.ByClass("legend")[0].Elements().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
    }

    [Fact]
    public void Scatter_FitNotANumber_IsLeftOut()
    {
        var svg = SvgCharts.Scatter("s", "x", "y", [new(1, 2), new(2, 3)], (double.NaN, 1));

        Assert.Empty(Parse(svg).ByClass("fit"));
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bars")]
    [InlineData("lines")]
    [InlineData("scatter")]
    public void EveryChart_IsAnAccessibleSvgOfItsKind(string kind)
    {
        var svg = kind switch
        {
            "bars" => SvgCharts.Bars("T", "u", [new("a", 1)]),
            "lines" => SvgCharts.Lines("T", "x", "y", [new("a", [new(0, 1), new(1, 2)])]),
            _ => SvgCharts.Scatter("T", "x", "y", [new(0, 1)]),
        };

        var root = Parse(svg).Root;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal("chart", (string?)root.Attribute("class"));
        Assert.Equal(kind, (string?)root.Attribute("data-kind"));
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("T", (string?)root.Attribute("aria-label"));
        Assert.Matches(@"^0 0 960 \d+(\.\d+)?$", (string?)root.Attribute("viewBox"));
        Assert.Equal("title", root.Elements().First().Name.LocalName);
    }

    [Theory]
    [InlineData(0, 87, 0, 100, 20)]
    [InlineData(-15, 40, -20, 40, 20)]
    [InlineData(0.013, 0.046, 0.01, 0.05, 0.01)]
    [InlineData(1200, 98000, 0, 100000, 20000)]
    [InlineData(5, 5, 0, 5, 1)]
    [InlineData(0, 0, 0, 1, 0.2)]
    public void NiceAxis_CoversTheRangeInStepsOf125(double low, double high, double min, double max, double step)
    {
        var axis = NiceAxis.Of(low, high);

        Assert.Equal(min, axis.Min, 9);
        Assert.Equal(max, axis.Max, 9);
        Assert.Equal(step, axis.Step, 9);
        Assert.Equal(axis.Min, axis.Ticks().First());
        Assert.Equal(axis.Max, axis.Ticks().Last());
    }

    [Fact]
    public void Charts_SameInput_SameBytes()
    {
        static string Build() => SvgCharts.Bars("a", "b", [new("x", 1.23456789, 1, 1.5)])
            + SvgCharts.Lines("a", "x", "y", [new("s", [new(0.1, 0.2, 0.1, 0.3), new(0.7, 0.9)])])
            + SvgCharts.Scatter("a", "x", "y", [new(1, 2, "g"), new(3, 5)], (0.5, 1.5));

        Assert.Equal(Build(), Build());
        Assert.Contains("1.23", Build(), StringComparison.Ordinal);
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= Tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
