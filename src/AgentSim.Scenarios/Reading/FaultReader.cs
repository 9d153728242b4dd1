using AgentSim.Model;
using AgentSim.Model.Configuration;
using AgentSim.Model.Faults;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reads scripted faults and checks each against its kind's row in <see cref="FaultKinds"/>: the targets it needs and takes, the settings it uses.</summary>
internal static class FaultReader
{
    private static readonly string[] FaultKeys =
        ["kind", "start_minutes", "duration_minutes", "provider", "guardrail", "channel", "error_rate", "added_latency_ms", "rate"];

    private static readonly (FaultScope Scope, string Key)[] Targets = [(FaultScope.Provider, "provider"), (FaultScope.Guardrail, "guardrail"), (FaultScope.Channel, "channel")];

    private static readonly (FaultParameters Parameter, string Key)[] Settings =
        [(FaultParameters.ErrorRate, "error_rate"), (FaultParameters.AddedLatency, "added_latency_ms"), (FaultParameters.Rate, "rate")];

    /// <summary>Reads the faults section present at the top level.</summary>
    public static void Read(Section top, ScenarioConfig config)
    {
        var context = top.Context;
        top.With("faults", (node, path) =>
        {
            foreach (var (item, itemPath) in Nodes.Items(context, node, path))
            {
                var fault = Fault(Section.Open(context, item, itemPath, FaultKeys));
                context.Remember(fault, itemPath);
                config.Faults.Add(fault);
            }
        });
    }

    private static FaultConfig Fault(Section s)
    {
        var f = new FaultConfig();
        s.Require("kind", $"one of: {Vocabulary.Faults.Known}");
        FaultKind? kind = null;
        s.Name("kind", Vocabulary.Faults, v => kind = f.Kind = v);
        s.Number("start_minutes", NumberRule.NonNegative, v => f.StartMinutes = v);
        s.Require("duration_minutes");
        s.Number("duration_minutes", NumberRule.Positive, v => f.DurationMinutes = v);
        s.OptionalText("provider", v => f.Provider = v);
        s.OptionalText("guardrail", v => f.Guardrail = v);
        s.With("channel", (node, path) => f.Channel = Scalar.IsNull(node) ? null : Scalar.Name(s.Context, node, path, Vocabulary.Channels));
        s.Probability("error_rate", v => f.ErrorRate = v);
        s.Number("added_latency_ms", NumberRule.NonNegative, v => f.AddedLatencyMs = v);
        s.Probability("rate", v => f.Rate = v);
        if (kind is { } k)
        {
            Check(s, f, FaultKinds.Of(k));
        }

        return f;
    }

    // What the kind's row in the fault table requires and rejects: its targets, then its settings.
    private static void Check(Section s, FaultConfig f, FaultKindInfo info)
    {
        var name = info.Kind.Name();
        if (info.Requires.HasFlag(FaultScope.Provider) && f.Provider is null)
        {
            RequireTarget(s, "provider", $"a {name} fault names the provider it hits");
        }

        if (info.Requires.HasFlag(FaultScope.Guardrail) && f.Guardrail is null)
        {
            RequireTarget(s, "guardrail", $"a {name} fault names the guardrail layer it hits");
        }

        foreach (var (scope, key) in Targets)
        {
            if (!info.Allows.HasFlag(scope) && s.Get(key) is { } node && !Scalar.IsNull(node))
            {
                s.Context.Report(s.PathOf(key), $"a {name} fault does not take {key} ({info.Summary})");
            }
        }

        foreach (var (parameter, key) in Settings)
        {
            if (!info.Uses.HasFlag(parameter) && s.Has(key))
            {
                s.Context.Report(s.PathOf(key), $"a {name} fault does not use {key} ({info.Summary})");
            }
        }

        if (info.NeedsOneOf == FaultParameters.None || !s.IsMapping || Settings.Any(p => info.NeedsOneOf.HasFlag(p.Parameter) && Value(f, p.Parameter) > 0))
        {
            return;
        }

        if (info.NeedsOneOf != FaultParameters.Rate)
        {
            s.Context.Report(s.Line, s.Path, $"a {name} fault needs {string.Join(" or ", Settings.Where(p => info.NeedsOneOf.HasFlag(p.Parameter)).Select(p => p.Key))} (or both)");
        }
        else if (!s.Has("rate"))
        {
            s.Require("rate", $"a {name} fault needs the share of {RateOf(info)}");
        }
        else if (!s.Context.HasProblemsUnder(s.PathOf("rate")))
        {
            s.Context.Report(s.PathOf("rate"), $"a {name} fault needs a rate above 0 (the share of {RateOf(info)})");
        }
    }

    private static string RateOf(FaultKindInfo info) => info.ActsOnMessages ? "messages it hits" : "requests it throttles";

    private static double Value(FaultConfig f, FaultParameters parameter) => parameter switch
    {
        FaultParameters.ErrorRate => f.ErrorRate,
        FaultParameters.AddedLatency => f.AddedLatencyMs,
        _ => f.Rate,
    };

    private static void RequireTarget(Section s, string key, string message)
    {
        s.Require(key, message);
        if (s.Has(key))
        {
            s.Context.Report(s.PathOf(key), message);
        }
    }
}
