namespace AgentSim.Cli.Reports.Html;

/// <summary>One bar of <see cref="SvgCharts.Bars"/>: a value and, when both are given, its 95% interval.</summary>
/// <param name="Label">What the bar is (e.g. a placement variant).</param>
/// <param name="Value">The bar's length, from zero.</param>
/// <param name="Low">Lower end of the interval drawn as a whisker.</param>
/// <param name="High">Upper end of the interval drawn as a whisker.</param>
public sealed record BarItem(string Label, double Value, double? Low = null, double? High = null);

/// <summary>One line of <see cref="SvgCharts.Lines"/>.</summary>
/// <param name="Name">Shown in the legend.</param>
/// <param name="Points">The points, drawn in order of X.</param>
public sealed record LineSeries(string Name, IReadOnlyList<LinePoint> Points);

/// <summary>One point of a <see cref="LineSeries"/>, with an optional band from <paramref name="Low"/> to <paramref name="High"/>.</summary>
/// <param name="X">The swept value.</param>
/// <param name="Y">The measured value.</param>
/// <param name="Low">Lower edge of the shaded band.</param>
/// <param name="High">Upper edge of the shaded band.</param>
public sealed record LinePoint(double X, double Y, double? Low = null, double? High = null);

/// <summary>One point of <see cref="SvgCharts.Scatter"/>; points of the same <paramref name="Group"/> share a colour and a legend entry.</summary>
/// <param name="X">Horizontal value.</param>
/// <param name="Y">Vertical value.</param>
/// <param name="Group">Group name, or null for none.</param>
public sealed record ScatterPoint(double X, double Y, string? Group = null);
