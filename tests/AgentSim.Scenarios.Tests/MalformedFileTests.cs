namespace AgentSim.Scenarios.Tests;

public sealed class MalformedFileTests : IDisposable
{
    private readonly TempScenarioDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void LoadFile_SeveralMistakes_ReportsEveryProblemWithFileLineAndField()
    {
        var path = _dir.Write("many.yaml", """
            name: broken
            seed: 42
            channels:
              mix: {web_chat: 1, fax: 0.5}
              switch_probability: 1.5
            providers:
              - name: p1
                channels: [web_chat]
                error_rate: -0.1
                colour: blue
            routing:
              web_chat: {primary: nobody}
            agents:
              - name: a1
                governance: {fallback: robot}
            """);

        var ex = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadFile(path));

        Assert.Equal(6, ex.Problems.Count);
        Assert.Contains("web_chat, whatsapp, sms, voice, email, rcs", ProblemAssert.Has(ex.Problems, path, 4, "channels.mix.fax").Message, StringComparison.Ordinal);
        Assert.Equal("must be between 0 and 1, got 1.5", ProblemAssert.Has(ex.Problems, path, 5, "channels.switch_probability").Message);
        Assert.Equal("must be between 0 and 1, got -0.1", ProblemAssert.Has(ex.Problems, path, 9, "providers[0].error_rate").Message);
        Assert.StartsWith("unknown key 'colour'; allowed keys: name, channels,", ProblemAssert.Has(ex.Problems, path, 10, "providers[0].colour").Message, StringComparison.Ordinal);
        Assert.Equal("unknown provider 'nobody'; providers: p1", ProblemAssert.Has(ex.Problems, path, 12, "routing.web_chat.primary").Message);
        Assert.Equal("unknown fallback 'robot'; allowed: human, previous_version", ProblemAssert.Has(ex.Problems, path, 15, "agents[0].governance.fallback").Message);
        Assert.Equal(string.Join(Environment.NewLine, ex.Problems), ex.Message);
        Assert.Equal([4, 5, 9, 10, 12, 15], ex.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Validate_SyntaxError_ReportsOneProblemWithTheParserLine()
    {
        var path = _dir.Write("syntax.yaml", """
            name: x
            seed: 42
            arrivals: rate_per_second: 5
            """);

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((path, 3, "syntax"), (problem.File, problem.Line, problem.Field));
        Assert.StartsWith("invalid YAML at column", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnclosedFlowList_ReportsASyntaxProblemWithALine()
    {
        var path = _dir.Write("unclosed.yaml", """
            name: x
            providers:
              - name: p1
                channels: [web_chat, voice
            routing: {}
            """);

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal("syntax", problem.Field);
        Assert.InRange(problem.Line, 4, 5);
    }

    [Fact]
    public void Validate_DuplicateKey_ReportsItsLine()
    {
        var path = _dir.Write("dup-key.yaml", Yaml.Minimal + "\nseed: 1\nseed: 2\n");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((12, "syntax"), (problem.Line, problem.Field));
        Assert.Contains("Duplicate key", problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validate_WrongTypes_ReportsExpectedShape()
    {
        var path = _dir.Write("types.yaml", """
            conversations: lots
            seed: -1
            channels:
              mix: {web_chat: 1}
            providers:
              name: p1
            routing:
              web_chat: {primary: p1}
            agents:
              - name: a1
                intents: billing
                behaviour: {resolve_rate: high}
            customers: {population: 2.5}
            """);

        var problems = ScenarioLoader.Validate(path);

        Assert.Equal("expected a whole number, got 'lots'", ProblemAssert.Has(problems, path, 1, "conversations").Message);
        Assert.StartsWith("expected a whole number from 0", ProblemAssert.Has(problems, path, 2, "seed").Message, StringComparison.Ordinal);
        Assert.Equal("expected a list, got a mapping", ProblemAssert.Has(problems, path, 6, "providers").Message);
        Assert.Equal("expected a list, got 'billing'", ProblemAssert.Has(problems, path, 11, "agents[0].intents").Message);
        Assert.Equal("expected a number, got 'high'", ProblemAssert.Has(problems, path, 12, "agents[0].behaviour.resolve_rate").Message);
        Assert.Equal("expected a whole number, got '2.5'", ProblemAssert.Has(problems, path, 13, "customers.population").Message);
    }

    [Fact]
    public void Validate_MessageFaultWithoutRate_AsksForTheShareOfMessages()
    {
        var path = _dir.Write("message-fault.yaml", Yaml.Minimal + "\nfaults:\n  - {kind: sms_truncation, channel: web_chat, duration_minutes: 5}\n  - {kind: duplicate_delivery, duration_minutes: 5, rate: 1.5}\n");

        var problems = ScenarioLoader.Validate(path);

        Assert.Equal(2, problems.Count);
        Assert.Contains("needs the share of messages it hits", ProblemAssert.Has(problems, path, 12, "faults[0].rate").Message, StringComparison.Ordinal);
        Assert.Equal("must be between 0 and 1, got 1.5", ProblemAssert.Has(problems, path, 13, "faults[1].rate").Message);
    }

    [Fact]
    public void Validate_UnknownTopLevelKey_NamesTheAllowedKeys()
    {
        var path = _dir.Write("unknown-key.yaml", Yaml.Minimal + "\nprovider: oops\n");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((11, "provider"), (problem.Line, problem.Field));
        Assert.Contains("allowed keys: name, description, seed, conversations, arrivals", problem.Message, StringComparison.Ordinal);
        Assert.Contains("providers", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownEnumNames_ListTheAllowedNames()
    {
        var path = _dir.Write("enums.yaml", Yaml.Minimal + """

            guardrails:
              - name: g1
                kind: pii_detector
                placement: app
                stage: middle
                channels: [web_chat]
                entities: [SSN]
                on_fail: shrug
                fail_mode: sideways
            faults:
              - kind: meteor
                duration_minutes: 1
            """);

        var problems = ScenarioLoader.Validate(path);

        Assert.Contains("allowed: pii, injection, content_safety, groundedness, topic, rate_limit, audit", ProblemAssert.Has(problems, path, 13, "guardrails[0].kind").Message, StringComparison.Ordinal);
        Assert.Contains("allowed: platform, application", ProblemAssert.Has(problems, path, 14, "guardrails[0].placement").Message, StringComparison.Ordinal);
        Assert.Contains("allowed: transport, input, dialog, retrieval, tool, output, audit", ProblemAssert.Has(problems, path, 15, "guardrails[0].stage").Message, StringComparison.Ordinal);
        Assert.Contains("US_SSN", ProblemAssert.Has(problems, path, 17, "guardrails[0].entities[0]").Message, StringComparison.Ordinal);
        Assert.Contains("allowed: block, mask, reask, escalate, log", ProblemAssert.Has(problems, path, 18, "guardrails[0].on_fail").Message, StringComparison.Ordinal);
        Assert.Contains("allowed: open, closed", ProblemAssert.Has(problems, path, 19, "guardrails[0].fail_mode").Message, StringComparison.Ordinal);
        Assert.Contains("allowed: provider_outage, provider_degradation, context_store_outage, guardrail_outage", ProblemAssert.Has(problems, path, 21, "faults[0].kind").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutOfRangeNumbers_ReportEachBound()
    {
        var path = _dir.Write("ranges.yaml", Yaml.Minimal + """

            arrivals: {rate_per_second: 0}
            customers:
              patience: {min: 3, max: 1}
            conversation: {max_turns: 3, turns_needed: {min: 1, max: 4}}
            """);
        var latency = _dir.Write("latency.yaml", Yaml.Minimal.Replace("channels: [web_chat]", "channels: [web_chat]\n    latency: {p50_ms: 500, p99_ms: 100}", StringComparison.Ordinal));

        var problems = ScenarioLoader.Validate(path);
        var latencyProblem = Assert.Single(ScenarioLoader.Validate(latency));

        Assert.Equal(3, problems.Count);
        Assert.Equal("must be at least 0.000001 (the lowest rate AgentSim runs: one conversation in about 11.6 simulated days), got 0", ProblemAssert.Has(problems, path, 11, "arrivals.rate_per_second").Message);
        Assert.Equal("min (3) must not exceed max (1)", ProblemAssert.Has(problems, path, 13, "customers.patience.max").Message);
        Assert.Equal("max_turns (3) must be at least turns_needed.max (4)", ProblemAssert.Has(problems, path, 14, "conversation.max_turns").Message);
        Assert.Equal((7, "providers[0].latency.p99_ms"), (latencyProblem.Line, latencyProblem.Field));
        Assert.Equal("p99_ms (100) must be at least p50_ms (500)", latencyProblem.Message);
    }

    [Fact]
    public void Validate_RoutingMismatches_ReportProviderAndChannelProblems()
    {
        var path = _dir.Write("routing.yaml", """
            channels:
              mix: {web_chat: 1, voice: 1, sms: 1}
              matrix:
                web_chat: {email: 1}
            providers:
              - name: chat
                channels: [web_chat]
              - name: chat
                channels: [voice]
            routing:
              web_chat: {primary: chat, failover: chat}
              voice: {primary: chat}
            agents:
              - name: a1
            """);

        var problems = ScenarioLoader.Validate(path);

        Assert.Equal("duplicate provider name 'chat' (first at line 6); names must be unique", ProblemAssert.Has(problems, path, 8, "providers[1].name").Message);
        Assert.Contains("failover is the same provider as primary", ProblemAssert.Has(problems, path, 11, "routing.web_chat.failover").Message, StringComparison.Ordinal);
        Assert.Equal("provider 'chat' does not carry voice; it carries: web_chat", ProblemAssert.Has(problems, path, 12, "routing.voice.primary").Message);
        Assert.Contains("sms is in the mix but has no route", ProblemAssert.Has(problems, path, 2, "channels.mix.sms").Message, StringComparison.Ordinal);
        Assert.Contains("no route", ProblemAssert.Has(problems, path, 4, "channels.matrix.web_chat.email").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GuardrailMistakes_ReportPlacementProviderChannelsAndEntities()
    {
        var path = _dir.Write("guardrails.yaml", Yaml.Minimal + """

            guardrails:
              - name: plat-ground
                kind: groundedness
                placement: platform
                provider: p1
              - name: plat-ghost
                kind: audit
                placement: platform
                provider: ghost
              - name: app-nothing
                kind: injection
                placement: application
              - name: app-pii
                kind: pii
                placement: application
                channels: [web_chat]
              - name: app-pii
                kind: pii
                placement: application
                channels: []
                entities: [PERSON]
            """);

        var problems = ScenarioLoader.Validate(path);

        Assert.Contains("does not offer groundedness natively", ProblemAssert.Has(problems, path, 15, "guardrails[0].provider").Message, StringComparison.Ordinal);
        Assert.Equal("unknown provider 'ghost'; providers: p1", ProblemAssert.Has(problems, path, 19, "guardrails[1].provider").Message);
        Assert.Contains("list them, or write all", ProblemAssert.Has(problems, path, 20, "guardrails[2].channels").Message, StringComparison.Ordinal);
        Assert.Contains("PERSON, EMAIL_ADDRESS", ProblemAssert.Has(problems, path, 23, "guardrails[3].entities").Message, StringComparison.Ordinal);
        ProblemAssert.Has(problems, path, 27, "guardrails[4].name");
        Assert.Contains("covers nothing", ProblemAssert.Has(problems, path, 30, "guardrails[4].channels").Message, StringComparison.Ordinal);
        Assert.Equal(6, problems.Count);
    }

    [Fact]
    public void Validate_FaultsAndAgentsWithUnknownNames_ReportTheReference()
    {
        var path = _dir.Write("refs.yaml", Yaml.Minimal + """

                intents: [billing, refunds]
            faults:
              - kind: provider_outage
                provider: p9
                duration_minutes: 5
              - kind: guardrail_outage
                guardrail: nope
                duration_minutes: 5
              - kind: context_store_outage
                duration_minutes: 5
            """);

        var problems = ScenarioLoader.Validate(path);

        Assert.Contains("unknown intent 'refunds'; intents (from conversation.intents): billing, order_status", ProblemAssert.Has(problems, path, 11, "agents[0].intents[1]").Message, StringComparison.Ordinal);
        Assert.Equal("unknown provider 'p9'; providers: p1", ProblemAssert.Has(problems, path, 14, "faults[0].provider").Message);
        Assert.Equal("unknown guardrail 'nope'; guardrails: (none)", ProblemAssert.Has(problems, path, 17, "faults[1].guardrail").Message);
        Assert.Contains("add context.store", ProblemAssert.Has(problems, path, 19, "faults[2].kind").Message, StringComparison.Ordinal);
        Assert.Contains("no agent serves intent 'order_status'", ProblemAssert.Has(problems, path, 9, "agents").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingRequiredSections_ReportsEachOne()
    {
        var path = _dir.Write("bare.yaml", "name: bare\n");

        var problems = ScenarioLoader.Validate(path);

        Assert.Equal(["agents", "channels", "providers", "routing"], problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Equal(1, p.Line));
        Assert.All(problems, p => Assert.StartsWith("required key is missing", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyLists_RequireAProviderAnAgentAndARoute()
    {
        var path = _dir.Write("empty-lists.yaml", """
            channels:
              mix: {web_chat: 1}
            providers: []
            routing: {}
            agents: []
            """);

        var problems = ScenarioLoader.Validate(path);

        Assert.Equal("at least one provider is required", ProblemAssert.Has(problems, path, 3, "providers").Message);
        Assert.StartsWith("at least one route is required", ProblemAssert.Has(problems, path, 4, "routing").Message, StringComparison.Ordinal);
        Assert.Equal("at least one agent is required", ProblemAssert.Has(problems, path, 5, "agents").Message);
    }

    [Fact]
    public void Validate_EmptyFile_ReportsTheDocument()
    {
        var path = _dir.Write("empty.yaml", "# nothing here\n");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal((1, "document"), (problem.Line, problem.Field));
    }

    [Fact]
    public void Validate_MissingFile_ReportsOneProblemAtLineZero()
    {
        var path = Path.Combine(_dir.Path, "absent.yaml");

        var problem = Assert.Single(ScenarioLoader.Validate(path));

        Assert.Equal(new ScenarioProblem(path, 0, "file", "file not found"), problem);
    }

    [Fact]
    public void LoadFile_MissingFile_ThrowsWithTheSameProblem()
    {
        var path = Path.Combine(_dir.Path, "absent.yaml");

        var ex = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadFile(path));

        Assert.Equal(0, Assert.Single(ex.Problems).Line);
    }
}
