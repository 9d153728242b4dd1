using AgentSim.Model.Channels;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Queues;
using AgentSim.Model.Tallies;

namespace AgentSim.Model.Results;

/// <summary>Turns a run's integer tally into <see cref="RunResults"/>.</summary>
public static class ResultsBuilder
{
    /// <summary>Builds the results of a finished run.</summary>
    public static RunResults Build(World world, RunOutcome run)
    {
        var t = run.Tally;
        var n = Math.Max(1, run.Conversations);
        var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var o in Enum.GetValues<Outcome>())
        {
            outcomes[o.Name()] = ChannelInfo.All.Sum(c => t.Ended(o, c));
        }

        var byAgent = new SortedDictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        long rollbacks = 0;
        var agentsRolledBack = 0;
        foreach (var a in world.Agents)
        {
            var row = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var r in Enum.GetValues<RollbackReason>())
            {
                row[r.Name()] = t.Rollbacks(a.Index, r);
            }

            var sum = row.Values.Sum();
            rollbacks += sum;
            agentsRolledBack += sum > 0 ? 1 : 0;
            byAgent[a.Name] = row;
        }

        long switches = 0, losses = 0;
        var byContinuity = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var matrix = new SortedDictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var k in Enum.GetValues<Continuity>())
        {
            byContinuity[k.Name()] = 0;
        }

        foreach (var from in ChannelInfo.All)
        {
            var row = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var to in ChannelInfo.All)
            {
                var s = t.Switches(from, to);
                switches += s;
                if (s > 0)
                {
                    row[to.Name()] = s;
                }

                foreach (var k in Enum.GetValues<Continuity>())
                {
                    var l = t.Losses(from, to, k);
                    losses += l;
                    byContinuity[k.Name()] += l;
                }
            }

            if (row.Count > 0)
            {
                matrix[from.Name()] = row;
            }
        }

        var repeats = ChannelInfo.All.Sum(t.Repeats);
        var kinds = new SortedDictionary<string, IncidentKindResults>(StringComparer.Ordinal);
        long incidents = 0, detectedAll = 0;
        foreach (var k in Enum.GetValues<IncidentKind>())
        {
            var byChannel = new SortedDictionary<string, long>(StringComparer.Ordinal);
            long total = 0, detected = 0;
            foreach (var c in ChannelInfo.All)
            {
                var d = t.Incidents(k, c, true);
                var u = t.Incidents(k, c, false);
                byChannel[c.Name()] = d + u;
                total += d + u;
                detected += d;
            }

            incidents += total;
            detectedAll += detected;
            kinds[k.Name()] = new IncidentKindResults
            {
                Total = total,
                Detected = detected,
                DetectedShare = Ratio(detected, total),
                TimeToDetectP50Seconds = Round(LatencyHistogram.Quantile(t.DetectionHistogram(k), 0.5) / 1e6),
                TimeToDetectMeanSeconds = Round(detected == 0 ? 0 : t.DetectionSum(k) / 1e6 / detected),
                ByChannel = byChannel,
            };
        }

        var leaks = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var latency = new SortedDictionary<string, ChannelLatency>(StringComparer.Ordinal);
        foreach (var c in ChannelInfo.All)
        {
            leaks[c.Name()] = t.Incidents(IncidentKind.PiiLeak, c, true) + t.Incidents(IncidentKind.PiiLeak, c, false);
            var turns = world.Providers.Sum(p => t.Turns(c, p.Index));
            if (turns == 0)
            {
                continue;
            }

            latency[c.Name()] = new ChannelLatency
            {
                Turns = turns,
                P50Ms = Round(LatencyHistogram.Quantile(t.TurnHistogram(c), 0.5) / 1000),
                P99Ms = Round(LatencyHistogram.Quantile(t.TurnHistogram(c), 0.99) / 1000),
                GuardrailAddedMeanMs = Round(t.GuardrailLatencySum(c) / 1000.0 / turns),
                GuardrailAddedP99Ms = Round(LatencyHistogram.Quantile(t.GuardrailTurnHistogram(c), 0.99) / 1000),
            };
        }

        var guardrails = new SortedDictionary<string, GuardrailResults>(StringComparer.Ordinal);
        foreach (var g in world.Guardrails)
        {
            var checks = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var r in Enum.GetValues<CheckResult>())
            {
                checks[r.Name()] = t.Checks(g.Index, r);
            }

            guardrails[g.Name] = new GuardrailResults
            {
                Kind = g.Config.Kind.Name(),
                Placement = g.Config.Placement.Name(),
                Stage = g.Config.Stage.Name(),
                Checks = checks,
                LatencyP50Ms = Round(LatencyHistogram.Quantile(t.GuardrailHistogram(g.Index), 0.5) / 1000),
                LatencyP99Ms = Round(LatencyHistogram.Quantile(t.GuardrailHistogram(g.Index), 0.99) / 1000),
            };
        }

        var providers = new SortedDictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var p in world.Providers)
        {
            var row = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var r in Enum.GetValues<ProviderResult>())
            {
                row[r.Name()] = ChannelInfo.All.Sum(c => t.Requests(p.Index, c, r));
            }

            providers[p.Name] = row;
        }

        return new RunResults
        {
            Scenario = world.Config.Name,
            Seed = world.Seed,
            Conversations = run.Conversations,
            SimulatedSeconds = Round(run.Epochs * world.EpochMicros / 1e6),
            Placement = PlacementOf(world),
            PlacementByKind = PlacementByKind(world),
            Outcomes = outcomes,
            OutcomeShares = new SortedDictionary<string, double>(outcomes.ToDictionary(kv => kv.Key, kv => Ratio(kv.Value, n)), StringComparer.Ordinal),
            Abandonment = new SortedDictionary<string, long>(
                Enum.GetValues<AbandonReason>().ToDictionary(r => r.Name(), r => ChannelInfo.All.Sum(c => t.Abandoned(r, c))), StringComparer.Ordinal),
            Rollbacks = new RollbackResults
            {
                Total = rollbacks,
                PerThousandConversations = Round(rollbacks * 1000.0 / n),
                AgentsRolledBackShare = Ratio(agentsRolledBack, world.Agents.Length),
                ByAgent = byAgent,
            },
            Context = new ContextResults
            {
                Switches = switches,
                Losses = losses,
                LossRate = Ratio(losses, switches),
                LossesByContinuity = byContinuity,
                Repeats = repeats,
                RepeatRate = Ratio(repeats, n),
                SwitchMatrix = matrix,
            },
            Incidents = new IncidentResults { Total = incidents, Detected = detectedAll, PerThousandConversations = Round(incidents * 1000.0 / n), ByKind = kinds },
            LeaksByChannel = leaks,
            Latency = latency,
            Guardrails = guardrails,
            Providers = providers,
            Agents = CapacityResults.Agents(world, t),
            ProviderLoad = CapacityResults.Providers(world, t),
            Effort = EffortOf(world),
            Queues = QueuesOf(world, t),
        };
    }

    /// <summary>
    /// Names the scenario's guardrail placement: <c>platform-native</c>, <c>application-only</c> or <c>defense-in-depth</c>
    /// when every kind of layer it has is placed the same way, <c>mixed</c> when kinds differ (see <see cref="PlacementByKind"/>),
    /// <c>none</c> without layers.
    /// </summary>
    public static string PlacementOf(World world)
    {
        var placements = PlacementByKind(world).Values.Distinct().ToList();
        return placements.Count switch
        {
            0 => "none",
            1 => placements[0] switch
            {
                "platform" => "platform-native",
                "application" => "application-only",
                _ => "defense-in-depth",
            },
            _ => "mixed",
        };
    }

    /// <summary>Each guardrail kind the scenario has, by where its layers sit: <c>platform</c>, <c>application</c> or <c>both</c>.</summary>
    public static SortedDictionary<string, string> PlacementByKind(World world)
    {
        var byKind = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in world.Guardrails.GroupBy(g => g.Config.Kind))
        {
            var platform = kind.Any(g => g.Config.Placement == Guardrails.Placement.Platform);
            var application = kind.Any(g => g.Config.Placement == Guardrails.Placement.Application);
            byKind[kind.Key.Name()] = (platform, application) switch
            {
                (true, true) => "both",
                (true, false) => "platform",
                _ => "application",
            };
        }

        return byKind;
    }

    private static EffortResults EffortOf(World world)
    {
        var built = world.Guardrails.Where(g => g.Config.Placement == Guardrails.Placement.Application).ToList();
        var guardrailWeeks = built.Sum(g => g.Config.Channels.Count * g.Config.EngineeringWeeksPerChannel);
        var store = world.Config.Context.Store;
        var pairs = store is null ? 0 : store.AllPairs ? ChannelInfo.Count * (ChannelInfo.Count - 1) : store.Pairs.Count;
        return new EffortResults
        {
            ApplicationGuardrails = built.Count,
            ApplicationGuardrailChannels = built.Sum(g => g.Config.Channels.Count),
            ApplicationGuardrailWeeks = Round(guardrailWeeks),
            ContextStorePairs = pairs,
            ContextStoreWeeks = Round(pairs * (store?.EngineeringWeeksPerPair ?? 0)),
        };
    }

    private static double Ratio(long a, long b) => b == 0 ? 0 : Round((double)a / b);

    // The queues' figures, rebuilt from the integers their owner wrote into the tally.
    private static SortedDictionary<string, QueueResults> QueuesOf(World world, RunTally t)
    {
        var queues = new SortedDictionary<string, QueueResults>(StringComparer.Ordinal);
        for (var q = 0; q < world.Queues.Length; q++)
        {
            var config = world.Queues[q];
            var r = QueueStats.ReadFrom(t.Queue(q), config.Servers, (long)(config.ServiceLevelSeconds * 1_000_000)).ToResults();
            queues[config.Name] = r with
            {
                OfferedPerSecond = Round(r.OfferedPerSecond),
                MeanHandleSeconds = Round(r.MeanHandleSeconds),
                WaitProbability = Round(r.WaitProbability),
                MeanWaitSeconds = Round(r.MeanWaitSeconds),
                WaitP90Seconds = Round(r.WaitP90Seconds),
                ServiceLevel = Round(r.ServiceLevel),
                Occupancy = Round(r.Occupancy),
            };
        }

        return queues;
    }

    private static double Round(double x) => Math.Round(x, 6, MidpointRounding.ToEven);
}
