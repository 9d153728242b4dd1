using System.Globalization;

namespace AgentSim.LoadTests.Simulation;

/// <summary>One sample of the Prometheus text format: a metric name, its labels and its value.</summary>
/// <param name="Name">The sample's name (with any <c>_total</c>, <c>_sum</c>, <c>_count</c> or <c>_bucket</c> suffix).</param>
/// <param name="Labels">Its labels, unescaped.</param>
/// <param name="Value">Its value.</param>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// A small parser of the Prometheus text exposition format (version 0.0.4, as the silo's <c>/metrics</c> serves it):
/// comments and blank lines are skipped, label values may hold escaped quotes, backslashes and newlines, and a
/// trailing timestamp is ignored. Lines that do not parse are skipped and counted.
/// </summary>
public sealed class PrometheusText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private PrometheusText(IReadOnlyList<PrometheusSample> samples, int skipped)
    {
        Samples = samples;
        Skipped = skipped;
    }

    /// <summary>Every sample, in the order served.</summary>
    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>Lines that were neither comments, blank, nor samples.</summary>
    public int Skipped { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    public static PrometheusText Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        var skipped = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (ParseLine(line) is { } sample)
            {
                samples.Add(sample);
            }
            else
            {
                skipped++;
            }
        }

        return new PrometheusText(samples, skipped);
    }

    /// <summary>Whether any sample is named <paramref name="name"/>.</summary>
    public bool Has(string name) => Samples.Any(s => s.Name == name);

    /// <summary>The sum of <paramref name="name"/> over its label sets (those <paramref name="where"/> keeps, when given); 0 when absent.</summary>
    public double Sum(string name, Func<IReadOnlyDictionary<string, string>, bool>? where = null) =>
        Samples.Where(s => s.Name == name && (where is null || where(s.Labels)) && !double.IsNaN(s.Value)).Sum(s => s.Value);

    private static PrometheusSample? ParseLine(string line)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
        {
            i++;
        }

        if (i == 0 || char.IsAsciiDigit(line[0]))
        {
            return null;
        }

        var name = line[..i];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i = ParseLabels(line, i + 1, labels);
            if (i < 0)
            {
                return null;
            }
        }

        var rest = line[i..].Trim();
        var space = rest.IndexOfAny([' ', '\t']);
        var value = space < 0 ? rest : rest[..space];
        return TryParseValue(value, out var v) ? new PrometheusSample(name, labels, v) : null;
    }

    // Parses name="value" pairs after '{'; returns the index after '}', or -1 when malformed.
    private static int ParseLabels(string line, int i, Dictionary<string, string> labels)
    {
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or ',')
            {
                i++;
            }

            if (i >= line.Length)
            {
                return -1;
            }

            if (line[i] == '}')
            {
                return i + 1;
            }

            var eq = line.IndexOf('=', i);
            if (eq < 0 || eq + 1 >= line.Length || line[eq + 1] != '"')
            {
                return -1;
            }

            var key = line[i..eq].Trim();
            var value = new System.Text.StringBuilder();
            i = eq + 2;
            while (i < line.Length && line[i] != '"')
            {
                if (line[i] == '\\' && i + 1 < line.Length)
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }

                i++;
            }

            if (i >= line.Length)
            {
                return -1;
            }

            labels[key] = value.ToString();
            i++;
        }
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, C, out value);
        }
    }
}
