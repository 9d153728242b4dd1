using System.Globalization;
using System.Text;

namespace AgentSim.Cli.Reports.Html;

/// <summary>
/// Inline SVG charts for <see cref="HtmlPage.Figure"/>: no script, numbers in the invariant culture, sized in a
/// 960-unit-wide view box with text large enough for a projector, and scaled to the page width by the page's CSS.
/// Each is <c>&lt;svg class="chart" data-kind="bars|lines|scatter" viewBox=… role="img" aria-label=TITLE&gt;</c> with a
/// <c>&lt;title&gt;</c>. NaN and infinities are never written: such points are left out, and a bar whose value is
/// not a number says "undefined". Marks carry classes (<c>bar</c>, <c>whisker</c>, <c>zero</c>, <c>line</c>,
/// <c>band</c>, <c>point</c>, <c>fit</c>) and every axis tick its value (<c>data-value</c>), so the geometry can be read back.
/// </summary>
public static class SvgCharts
{
    /// <summary>Width of every chart's view box.</summary>
    public const double Width = 960;

    /// <summary>Colour-blind-safe colours (Okabe and Ito), in the order series and groups take them.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

    // Dash patterns, in the order series take them, so that lines differ in print and to every reader, not only by colour.
    private static readonly string[] Dashes = ["", "14 7", "4 6", "18 6 4 6", "2 4", "10 4 2 4 2 4", "24 8"];

    private const double LabelFont = 20;
    private const double TickFont = 18;
    private const string Ink = "#111111";
    private const string Grid = "#c8c8c8";

    /// <summary>
    /// Horizontal bars from zero, one per item, in the order given; each with a 95% interval whisker when
    /// <see cref="BarItem.Low"/> and <see cref="BarItem.High"/> are given, its value at its end, a zero line when the
    /// scale goes below zero, and <paramref name="unit"/> as the axis title.
    /// </summary>
    public static string Bars(string title, string unit, IReadOnlyList<BarItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        const double RowHeight = 48, BarHeight = 28, Top = 12, Right = 130;
        var longest = items.Count == 0 ? 0 : items.Max(i => i.Label.Length);
        var left = Math.Clamp(longest * 11.0 + 28, 120, 400);
        var plotBottom = Top + Math.Max(1, items.Count) * RowHeight;
        var height = plotBottom + 86;

        var values = new List<double> { 0 };
        foreach (var item in items)
        {
            AddFinite(values, item.Value);
            if (Interval(item) is var (low, high))
            {
                values.Add(low);
                values.Add(high);
            }
        }

        var axis = NiceAxis.Of(values.Min(), values.Max());
        double X(double v) => left + ((v - axis.Min) / (axis.Max - axis.Min) * (Width - Right - left));

        var svg = Open("bars", title, height);
        foreach (var tick in axis.Ticks())
        {
            var x = X(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" data-value=\"{N(tick)}\" x1=\"{N(x)}\" x2=\"{N(x)}\" y1=\"{N(Top)}\" y2=\"{N(plotBottom)}\" stroke=\"{Grid}\" stroke-width=\"1\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(plotBottom + 28)}\" font-size=\"{N(TickFont)}\" text-anchor=\"middle\">{Escape(axis.Label(tick))}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{N(left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(plotBottom)}\" y2=\"{N(plotBottom)}\" stroke=\"{Ink}\" stroke-width=\"2\"/>\n");
        if (axis.Min < 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"zero\" x1=\"{N(X(0))}\" x2=\"{N(X(0))}\" y1=\"{N(Top)}\" y2=\"{N(plotBottom)}\" stroke=\"{Ink}\" stroke-width=\"2\"/>\n");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var rowTop = Top + (i * RowHeight);
            var middle = rowTop + (RowHeight / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{N(left - 12)}\" y=\"{N(middle + 7)}\" font-size=\"{N(LabelFont)}\" text-anchor=\"end\">{Escape(item.Label)}</text>\n");
            if (!double.IsFinite(item.Value))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"undefined\" x=\"{N(X(0) + 8)}\" y=\"{N(middle + 7)}\" font-size=\"{N(LabelFont)}\" font-style=\"italic\">undefined</text>\n");
                continue;
            }

            var (x0, x1) = (X(0), X(item.Value));
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{N(Math.Min(x0, x1))}\" y=\"{N(middle - (BarHeight / 2))}\" width=\"{N(Math.Abs(x1 - x0))}\" height=\"{N(BarHeight)}\" fill=\"{Palette[0]}\"><title>{Escape(item.Label)}: {Escape(FormatValue(item.Value))}</title></rect>\n");
            var end = Math.Max(x0, x1);
            if (Interval(item) is var (low, high))
            {
                var (xl, xh) = (X(low), X(high));
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"whisker\" x1=\"{N(xl)}\" x2=\"{N(xh)}\" y1=\"{N(middle)}\" y2=\"{N(middle)}\" stroke=\"{Ink}\" stroke-width=\"3\"/>")
                    .Append(CultureInfo.InvariantCulture, $"<line class=\"cap\" x1=\"{N(xl)}\" x2=\"{N(xl)}\" y1=\"{N(middle - 10)}\" y2=\"{N(middle + 10)}\" stroke=\"{Ink}\" stroke-width=\"3\"/>")
                    .Append(CultureInfo.InvariantCulture, $"<line class=\"cap\" x1=\"{N(xh)}\" x2=\"{N(xh)}\" y1=\"{N(middle - 10)}\" y2=\"{N(middle + 10)}\" stroke=\"{Ink}\" stroke-width=\"3\"/>\n");
                end = Math.Max(end, Math.Max(xl, xh));
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{N(end + 8)}\" y=\"{N(middle + 7)}\" font-size=\"{N(LabelFont)}\" font-weight=\"bold\">{Escape(FormatValue(item.Value))}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" x=\"{N((left + Width - Right) / 2)}\" y=\"{N(plotBottom + 68)}\" font-size=\"{N(LabelFont)}\" text-anchor=\"middle\">{Escape(unit)}</text>\n");
        return Close(svg);
    }

    /// <summary>
    /// One line per series against a numeric x (a sweep), each point marked, with a shaded band from
    /// <see cref="LinePoint.Low"/> to <see cref="LinePoint.High"/> where both are given; a legend and ticks on both axes.
    /// </summary>
    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var drawn = series.Select(s => (s.Name, Points: s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToArray())).ToArray();
        var xs = drawn.SelectMany(s => s.Points.Select(p => p.X)).ToList();
        var ys = drawn.SelectMany(s => s.Points.SelectMany(p => Band(p) is var (low, high) ? new[] { p.Y, low, high } : [p.Y])).ToList();
        var plot = Plot.Create(title, "lines", xs, ys, drawn.Select(s => s.Name).ToArray(), xLabel, yLabel, out var svg);

        for (var i = 0; i < drawn.Length; i++)
        {
            var (name, points) = drawn[i];
            var color = Palette[i % Palette.Count];
            var banded = points.Where(p => Band(p) is not null).ToArray();
            if (banded.Length >= 2)
            {
                var edge = banded.Select(p => $"{N(plot.X(p.X))},{N(plot.Y(Band(p)!.Value.High))}")
                    .Concat(banded.Reverse().Select(p => $"{N(plot.X(p.X))},{N(plot.Y(Band(p)!.Value.Low))}"));
                svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"band\" data-series=\"{Escape(name)}\" points=\"{string.Join(' ', edge)}\" fill=\"{color}\" fill-opacity=\"0.18\" stroke=\"none\"/>\n");
            }
        }

        for (var i = 0; i < drawn.Length; i++)
        {
            var (name, points) = drawn[i];
            var color = Palette[i % Palette.Count];
            var dash = Dashes[i % Dashes.Length];
            if (points.Length >= 2)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line\" data-series=\"{Escape(name)}\" points=\"{string.Join(' ', points.Select(p => $"{N(plot.X(p.X))},{N(plot.Y(p.Y))}"))}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"4\" stroke-linejoin=\"round\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>\n");
            }

            foreach (var p in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" data-series=\"{Escape(name)}\" cx=\"{N(plot.X(p.X))}\" cy=\"{N(plot.Y(p.Y))}\" r=\"6\" fill=\"{color}\"><title>{Escape(name)}: {Escape(FormatValue(p.X))}, {Escape(FormatValue(p.Y))}</title></circle>\n");
            }
        }

        return Close(svg);
    }

    /// <summary>
    /// Points, coloured by group with a legend when groups are given, and the fitted line
    /// y = Intercept + Slope·x across the plot when <paramref name="fit"/> is given.
    /// </summary>
    public static string Scatter(string title, string xLabel, string yLabel, IReadOnlyList<ScatterPoint> points, (double Intercept, double Slope)? fit = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var finite = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
        var groups = finite.Where(p => p.Group is not null).Select(p => p.Group!).Distinct(StringComparer.Ordinal).ToArray();
        var plot = Plot.Create(title, "scatter", [.. finite.Select(p => p.X)], [.. finite.Select(p => p.Y)], groups, xLabel, yLabel, out var svg);

        foreach (var p in finite)
        {
            var color = p.Group is null ? Palette[0] : Palette[Array.IndexOf(groups, p.Group) % Palette.Count];
            var label = $"{(p.Group is null ? "" : p.Group + ": ")}{FormatValue(p.X)}, {FormatValue(p.Y)}";
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\"{(p.Group is null ? "" : $" data-group=\"{Escape(p.Group)}\"")} cx=\"{N(plot.X(p.X))}\" cy=\"{N(plot.Y(p.Y))}\" r=\"7\" fill=\"{color}\" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"1\"><title>{Escape(label)}</title></circle>\n");
        }

        if (fit is var (intercept, slope) && double.IsFinite(intercept) && double.IsFinite(slope) && plot.Clip(intercept, slope) is var (xa, xb))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"fit\" x1=\"{N(plot.X(xa))}\" y1=\"{N(plot.Y(intercept + (slope * xa)))}\" x2=\"{N(plot.X(xb))}\" y2=\"{N(plot.Y(intercept + (slope * xb)))}\" stroke=\"{Ink}\" stroke-width=\"3\" stroke-dasharray=\"12 6\"><title>fit: y = {Escape(FormatValue(intercept))} + {Escape(FormatValue(slope))} x</title></line>\n");
        }

        return Close(svg);
    }

    /// <summary>A value as a chart labels it: thousands separated, fewer decimals the larger it is.</summary>
    public static string FormatValue(double value)
    {
        if (!double.IsFinite(value))
        {
            return "undefined";
        }

        var abs = Math.Abs(value);
        var text = abs >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture)
            : abs >= 100 ? value.ToString("0.#", CultureInfo.InvariantCulture)
            : abs >= 1 ? value.ToString("0.##", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>Escapes text for HTML and SVG content and attribute values.</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    // A coordinate: two decimals at most, invariant culture; never NaN (callers pass finite numbers only).
    internal static string N(double v)
    {
        if (!double.IsFinite(v))
        {
            throw new ArgumentOutOfRangeException(nameof(v), v, "a chart coordinate must be a finite number");
        }

        var text = Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    private static void AddFinite(List<double> values, double v)
    {
        if (double.IsFinite(v))
        {
            values.Add(v);
        }
    }

    private static (double Low, double High)? Interval(BarItem item) =>
        item.Low is { } low && item.High is { } high && double.IsFinite(low) && double.IsFinite(high) ? (Math.Min(low, high), Math.Max(low, high)) : null;

    private static (double Low, double High)? Band(LinePoint p) =>
        p.Low is { } low && p.High is { } high && double.IsFinite(low) && double.IsFinite(high) ? (Math.Min(low, high), Math.Max(low, high)) : null;

    private static StringBuilder Open(string kind, string title, double height)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" data-kind=\"{kind}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" aria-label=\"{Escape(title)}\" font-family=\"system-ui, 'Segoe UI', Roboto, Arial, sans-serif\" fill=\"{Ink}\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n");
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    // The frame of a lines or scatter chart: legend, axes, grid and ticks; maps values to coordinates.
    private sealed class Plot
    {
        private const double Left = 120, Right = 36, PlotHeight = 400, LegendRow = 34;

        private readonly NiceAxis _x;
        private readonly NiceAxis _y;
        private readonly double _top;

        private Plot(NiceAxis x, NiceAxis y, double top)
        {
            _x = x;
            _y = y;
            _top = top;
        }

        private double Bottom => _top + PlotHeight;

        public static Plot Create(string title, string kind, IReadOnlyList<double> xs, IReadOnlyList<double> ys, IReadOnlyList<string> legend, string xLabel, string yLabel, out StringBuilder svg)
        {
            // Legend entries flow left to right, wrapping onto further rows.
            var entries = new List<(string Name, double X, int Row)>();
            double at = Left, row = 0;
            foreach (var name in legend)
            {
                var width = 56 + (name.Length * 11.0) + 28;
                if (at + width > Width - Right && at > Left)
                {
                    at = Left;
                    row++;
                }

                entries.Add((name, at, (int)row));
                at += width;
            }

            var top = 16 + (legend.Count == 0 ? 0 : ((row + 1) * LegendRow) + 8);
            var x = xs.Count == 0 ? NiceAxis.Of(0, 1) : NiceAxis.Of(xs.Min(), xs.Max());
            var y = ys.Count == 0 ? NiceAxis.Of(0, 1) : NiceAxis.Of(ys.Min(), ys.Max());
            var plot = new Plot(x, y, top);
            svg = Open(kind, title, plot.Bottom + 96);

            if (entries.Count > 0)
            {
                svg.Append("<g class=\"legend\">\n");
                for (var i = 0; i < entries.Count; i++)
                {
                    var (name, ex, r) = entries[i];
                    var ey = 16 + (r * LegendRow) + 14;
                    var color = Palette[i % Palette.Count];
                    var dash = kind == "lines" ? Dashes[i % Dashes.Length] : "";
                    _ = kind == "lines"
                        ? svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(ex)}\" x2=\"{N(ex + 44)}\" y1=\"{N(ey)}\" y2=\"{N(ey)}\" stroke=\"{color}\" stroke-width=\"4\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>")
                        : svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(ex + 14)}\" y=\"{N(ey - 8)}\" width=\"16\" height=\"16\" fill=\"{color}\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(ex + 54)}\" y=\"{N(ey + 7)}\" font-size=\"{N(LabelFont)}\">{Escape(name)}</text>\n");
                }

                svg.Append("</g>\n");
            }

            foreach (var tick in x.Ticks())
            {
                var px = plot.X(tick);
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid x\" data-value=\"{N(tick)}\" x1=\"{N(px)}\" x2=\"{N(px)}\" y1=\"{N(top)}\" y2=\"{N(plot.Bottom)}\" stroke=\"{Grid}\" stroke-width=\"1\"/>")
                    .Append(CultureInfo.InvariantCulture, $"<text x=\"{N(px)}\" y=\"{N(plot.Bottom + 28)}\" font-size=\"{N(TickFont)}\" text-anchor=\"middle\">{Escape(x.Label(tick))}</text>\n");
            }

            foreach (var tick in y.Ticks())
            {
                var py = plot.Y(tick);
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid y\" data-value=\"{N(tick)}\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(py)}\" y2=\"{N(py)}\" stroke=\"{Grid}\" stroke-width=\"1\"/>")
                    .Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left - 10)}\" y=\"{N(py + 6)}\" font-size=\"{N(TickFont)}\" text-anchor=\"end\">{Escape(y.Label(tick))}</text>\n");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(plot.Bottom)}\" y2=\"{N(plot.Bottom)}\" stroke=\"{Ink}\" stroke-width=\"2\"/>")
                .Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{N(Left)}\" x2=\"{N(Left)}\" y1=\"{N(top)}\" y2=\"{N(plot.Bottom)}\" stroke=\"{Ink}\" stroke-width=\"2\"/>\n");
            if (y.Min < 0 && y.Max > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"zero\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(plot.Y(0))}\" y2=\"{N(plot.Y(0))}\" stroke=\"{Ink}\" stroke-width=\"2\"/>\n");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" x=\"{N((Left + Width - Right) / 2)}\" y=\"{N(plot.Bottom + 70)}\" font-size=\"{N(LabelFont)}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" transform=\"translate(26 {N((top + plot.Bottom) / 2)}) rotate(-90)\" font-size=\"{N(LabelFont)}\" text-anchor=\"middle\">{Escape(yLabel)}</text>\n");
            return plot;
        }

        public double X(double v) => Left + ((v - _x.Min) / (_x.Max - _x.Min) * (Width - Right - Left));

        public double Y(double v) => Bottom - ((v - _y.Min) / (_y.Max - _y.Min) * PlotHeight);

        // The part of x in [x.Min, x.Max] where intercept + slope·x lies within [y.Min, y.Max]; null when none does.
        public (double From, double To)? Clip(double intercept, double slope)
        {
            double from = _x.Min, to = _x.Max;
            if (slope == 0)
            {
                return intercept >= _y.Min && intercept <= _y.Max ? (from, to) : null;
            }

            var a = (_y.Min - intercept) / slope;
            var b = (_y.Max - intercept) / slope;
            from = Math.Max(from, Math.Min(a, b));
            to = Math.Min(to, Math.Max(a, b));
            return double.IsFinite(from) && double.IsFinite(to) && from < to ? (from, to) : null;
        }
    }
}
