using System.Globalization;
using System.Xml.Linq;

namespace AgentSim.Cli.Tests.Reports;

/// <summary>Reads an SVG chart back: its marks by class, and each axis's scale from two of its ticks.</summary>
internal sealed class ChartGeometry
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private ChartGeometry(XElement root)
    {
        Root = root;
    }

    public XElement Root { get; }

    public static ChartGeometry Parse(string svg) => new(XElement.Parse(svg));

    /// <summary>Elements whose class list includes <paramref name="cls"/>, in document order.</summary>
    public IReadOnlyList<XElement> ByClass(string cls) =>
        [.. Root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cls) == true)];

    /// <summary>Elements named <paramref name="name"/> in the SVG namespace.</summary>
    public IReadOnlyList<XElement> Named(string name) => [.. Root.Descendants(Svg + name)];

    /// <summary>
    /// The value → coordinate map of the axis whose grid lines have class <paramref name="gridClass"/>: the straight line
    /// through its first and last tick, read from their data-value and their position (<paramref name="coordinate"/>).
    /// </summary>
    public Func<double, double> Scale(string gridClass, string coordinate)
    {
        var ticks = ByClass(gridClass).Select(e => (Value: D(e, "data-value"), At: D(e, coordinate))).ToArray();
        Assert.True(ticks.Length >= 2, $"fewer than two ticks with class {gridClass}");
        var (first, last) = (ticks[0], ticks[^1]);
        return v => first.At + ((v - first.Value) / (last.Value - first.Value) * (last.At - first.At));
    }

    /// <summary>The tick values of an axis.</summary>
    public IReadOnlyList<double> Ticks(string gridClass) => [.. ByClass(gridClass).Select(e => D(e, "data-value"))];

    public static double D(XElement e, string attribute) =>
        double.Parse((string?)e.Attribute(attribute) ?? throw new InvalidOperationException($"<{e.Name.LocalName}> has no {attribute}"), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The x,y pairs of a polyline or polygon.</summary>
    public static IReadOnlyList<(double X, double Y)> Points(XElement e) =>
        [.. ((string)e.Attribute("points")!).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var xy = p.Split(',');
            return (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture));
        })];
}
