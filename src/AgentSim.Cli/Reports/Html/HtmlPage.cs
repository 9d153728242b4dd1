using System.Text;
using System.Text.RegularExpressions;

namespace AgentSim.Cli.Reports.Html;

/// <summary>
/// A self-contained HTML page: inline CSS, inline SVG charts, no script, no network. Built for a projector: large
/// fonts that grow with the window, black on white, charts as wide as the page. Text is escaped; the same calls give
/// the same bytes.
/// </summary>
public sealed partial class HtmlPage
{
    private const string Style = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #ffffff; color: #111111; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: clamp(18px, 1.6vw, 30px); line-height: 1.45; }
        header, main { max-width: min(96vw, 1700px); margin: 0 auto; padding: 0 2vw; }
        header { padding-top: 0.6em; padding-bottom: 0.4em; border-bottom: 4px solid #111111; }
        h1 { font-size: 2em; line-height: 1.15; margin: 0.3em 0 0.2em; }
        .subtitle { font-size: 1.15em; color: #222222; margin: 0 0 0.4em; }
        h2 { font-size: 1.5em; line-height: 1.2; margin: 1.6em 0 0.5em; padding-bottom: 0.15em; border-bottom: 2px solid #111111; }
        h3 { font-size: 1.2em; line-height: 1.25; margin: 1.2em 0 0.4em; }
        p, ul { max-width: 60em; }
        li { margin: 0.2em 0; }
        .callout { max-width: 60em; margin: 1em 0; padding: 0.6em 1em; border-left: 0.4em solid #b35900; background: #fff1dc; font-weight: 600; }
        .callout p { margin: 0; }
        .table-wrap { overflow-x: auto; margin: 0.6em 0 1.2em; }
        table { border-collapse: collapse; }
        caption { caption-side: top; text-align: left; font-weight: 700; padding: 0.3em 0; }
        th, td { border: 1px solid #444444; padding: 0.3em 0.7em; text-align: left; vertical-align: top; }
        th { background: #e6e6e6; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        figure { margin: 1em 0 1.8em; }
        svg.chart { display: block; width: 100%; height: auto; max-height: 90vh; }
        figcaption { margin-top: 0.4em; color: #222222; }
        footer { max-width: min(96vw, 1700px); margin: 3em auto 2em; padding: 0 2vw; color: #333333; font-size: 0.8em; }
        """;

    private readonly string _title;
    private readonly string? _subtitle;
    private readonly StringBuilder _body = new();
    private bool _inSection;

    /// <summary>A page titled <paramref name="title"/> (the document title and its heading), with an optional line under it.</summary>
    public HtmlPage(string title, string? subtitle = null)
    {
        _title = title;
        _subtitle = subtitle;
    }

    /// <summary>Ends the current section, if any, and starts one headed <paramref name="heading"/>.</summary>
    public HtmlPage Section(string heading)
    {
        CloseSection();
        _body.Append("<section>\n<h2>").Append(Escape(heading)).Append("</h2>\n");
        _inSection = true;
        return this;
    }

    /// <summary>A paragraph of plain (escaped) text.</summary>
    public HtmlPage Paragraph(string text)
    {
        _body.Append("<p>").Append(Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A highlighted box for what the reader must not miss (caveats, what a simulation can and cannot show).</summary>
    public HtmlPage Callout(string text)
    {
        _body.Append("<div class=\"callout\" role=\"note\"><p>").Append(Escape(text)).Append("</p></div>\n");
        return this;
    }

    /// <summary>A bulleted list of plain (escaped) items.</summary>
    public HtmlPage List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _body.Append("<ul>\n");
        foreach (var item in items)
        {
            _body.Append("<li>").Append(Escape(item)).Append("</li>\n");
        }

        _body.Append("</ul>\n");
        return this;
    }

    /// <summary>
    /// A table; every cell is escaped, and numeric-looking cells (<c>1,234</c>, <c>-0.5</c>, <c>12.3%</c>, <c>40 ms</c>)
    /// are right-aligned, as is a header over a column of them.
    /// </summary>
    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var body = rows.ToArray();
        var numericColumn = Enumerable.Range(0, header.Count)
            .Select(c => body.Any(r => c < r.Count && r[c].Length > 0) && body.All(r => c >= r.Count || r[c].Length == 0 || r[c] == "—" || IsNumeric(r[c])))
            .ToArray();
        _body.Append("<div class=\"table-wrap\"><table>\n");
        if (caption is not null)
        {
            _body.Append("<caption>").Append(Escape(caption)).Append("</caption>\n");
        }

        _body.Append("<thead><tr>");
        for (var c = 0; c < header.Count; c++)
        {
            _body.Append(numericColumn[c] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">").Append(Escape(header[c])).Append("</th>");
        }

        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in body)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
            {
                _body.Append(IsNumeric(cell) ? "<td class=\"num\">" : "<td>").Append(Escape(cell)).Append("</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</tbody>\n</table></div>\n");
        return this;
    }

    /// <summary>
    /// A chart: <paramref name="svg"/> is markup from <see cref="SvgCharts"/>, inserted as it is. Its title (the
    /// <c>&lt;title&gt;</c> element) becomes a heading right above it, and <paramref name="caption"/> a caption below.
    /// </summary>
    public HtmlPage Figure(string svg, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(svg);
        _body.Append("<figure>\n");
        if (ChartTitle().Match(svg) is { Success: true } title)
        {
            // Already escaped by SvgCharts.
            _body.Append("<h3>").Append(title.Groups[1].Value).Append("</h3>\n");
        }

        _body.Append(svg.Trim()).Append('\n');
        if (caption is not null)
        {
            _body.Append("<figcaption>").Append(Escape(caption)).Append("</figcaption>\n");
        }

        _body.Append("</figure>\n");
        return this;
    }

    /// <summary>The whole document (to be written as UTF-8): the same calls give the same text.</summary>
    public string Render()
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Escape(_title)).Append("</title>\n")
            .Append("<style>\n").Append(Style.ReplaceLineEndings("\n")).Append("\n</style>\n</head>\n<body>\n<header>\n<h1>").Append(Escape(_title)).Append("</h1>\n");
        if (_subtitle is not null)
        {
            html.Append("<p class=\"subtitle\">").Append(Escape(_subtitle)).Append("</p>\n");
        }

        html.Append("</header>\n<main>\n").Append(_body);
        if (_inSection)
        {
            html.Append("</section>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>True for text that reads as one number, optionally signed, with thousands separators, decimals and a short unit or %.</summary>
    public static bool IsNumeric(string text) => Numeric().IsMatch(text);

    private static string Escape(string text) => SvgCharts.Escape(text);

    private void CloseSection()
    {
        if (_inSection)
        {
            _body.Append("</section>\n");
            _inSection = false;
        }
    }

    [GeneratedRegex(@"<title>(.*?)</title>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ChartTitle();

    [GeneratedRegex(@"^[+\-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?( ?(%|ms|s|h|x|×|/s))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();
}
