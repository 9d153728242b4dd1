using AgentSim.Cli.Reports.Html;

namespace AgentSim.Cli.Tests.Reports;

public sealed class HtmlPageTests
{
    [Fact]
    public void Render_TextWithMarkup_IsEscapedEverywhere()
    {
        var html = new HtmlPage("Runs <1> & <2>", "seed <7> & co")
            .Section("A & <B>")
            .Paragraph("<script>alert(1)</script> & more")
            .Callout("x < y")
            .List(["<li>", "a&b"])
            .Table(["<h>", "n"], [["<td>&", "1"]], "cap <c>")
            .Figure(SvgCharts.Bars("T & <t>", "u", [new("l<&", 1)]), "fig <f>")
            .Render();

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<1>", html, StringComparison.Ordinal);
        foreach (var escaped in new[]
        {
            "<title>Runs &lt;1&gt; &amp; &lt;2&gt;</title>", "<h1>Runs &lt;1&gt; &amp; &lt;2&gt;</h1>", "seed &lt;7&gt; &amp; co", "<h2>A &amp; &lt;B&gt;</h2>",
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", "x &lt; y", "<li>&lt;li&gt;</li>", "<li>a&amp;b</li>", "&lt;h&gt;",
            "<td>&lt;td&gt;&amp;</td>", "cap &lt;c&gt;", "<h3>T &amp; &lt;t&gt;</h3>", "l&lt;&amp;", "fig &lt;f&gt;",
        })
        {
            Assert.Contains(escaped, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("&amp;amp;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;lt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameCalls_SameBytes()
    {
        static string Build() => new HtmlPage("Compare", "seed 1")
            .Callout("A simulation illustrates a mechanism.")
            .Section("Results")
            .Table(["variant", "success"], [["native", "61.2%"], ["app", "48.0%"]])
            .Figure(SvgCharts.Bars("Success", "%", [new("native", 61.2, 58, 64), new("app", 48, 45, 51)]), "95% intervals")
            .Section("Sweep")
            .Figure(SvgCharts.Lines("Sweep", "x", "y", [new("a", [new(0, 1, 0.5, 1.5), new(1, 2, 1.5, 2.5)])]))
            .Render();

        var first = Build();

        Assert.Equal(first, Build());
        Assert.StartsWith("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", first, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', first);
    }

    [Fact]
    public void Render_IsSelfContained_NoScriptNoLinkNoExternalUrl()
    {
        var html = new HtmlPage("t").Section("s").Figure(SvgCharts.Scatter("p", "x", "y", [new(1, 2, "g")], (0, 1))).Render();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        // The only URL is the SVG namespace name, which is never fetched.
        Assert.Equal(html.Split("http").Length - 1, html.Split("xmlns=\"http://www.w3.org/2000/svg\"").Length - 1);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_EachClosedBeforeTheNextAndAtTheEnd()
    {
        var html = new HtmlPage("t").Paragraph("intro").Section("one").Paragraph("a").Section("two").Paragraph("b").Render();

        Assert.Contains("<p>intro</p>\n<section>\n<h2>one</h2>\n<p>a</p>\n</section>\n<section>\n<h2>two</h2>\n<p>b</p>\n</section>\n</main>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Figure_ChartTitle_BecomesTheHeadingRightAboveTheChart()
    {
        var html = new HtmlPage("t").Section("Latency").Figure(SvgCharts.Bars("Turn latency p99 by channel", "ms", [new("voice", 900)]), "p99 of every turn").Render();

        Assert.Matches(@"<figure>\n<h3>Turn latency p99 by channel</h3>\n<svg class=""chart"" data-kind=""bars""[^>]*>[\s\S]*</svg>\n<figcaption>p99 of every turn</figcaption>\n</figure>", html);
    }

    [Fact]
    public void Table_NumericCellsRightAligned_TextLeft()
    {
        var html = new HtmlPage("t").Table(["channel", "turns", "share", "p99"], [["web_chat", "12,345", "61.2%", "850.5 ms"], ["voice 2", "-3", "0.5%", "—"]]).Render();

        Assert.Contains("<th scope=\"col\">channel</th><th scope=\"col\" class=\"num\">turns</th><th scope=\"col\" class=\"num\">share</th><th scope=\"col\" class=\"num\">p99</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>web_chat</td><td class=\"num\">12,345</td><td class=\"num\">61.2%</td><td class=\"num\">850.5 ms</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>voice 2</td><td class=\"num\">-3</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("1,234,567", true)]
    [InlineData("-0.25", true)]
    [InlineData("+3.5%", true)]
    [InlineData("12 ms", true)]
    [InlineData("web_chat", false)]
    [InlineData("12 agents", false)]
    [InlineData("1,23", false)]
    [InlineData("", false)]
    [InlineData("unlimited", false)]
    public void IsNumeric_OnlyForOneNumberWithAShortUnit(string cell, bool numeric)
    {
        Assert.Equal(numeric, HtmlPage.IsNumeric(cell));
    }
}
