namespace AgentSim.Model.Configuration;

/// <summary>A whole scenario: the world to simulate and how much traffic to drive through it. Loaded from YAML by AgentSim.Scenarios.</summary>
public sealed class ScenarioConfig
{
    /// <summary>Short name, shown in reports.</summary>
    public string Name { get; set; } = "unnamed";

    /// <summary>One sentence on what the scenario demonstrates.</summary>
    public string Description { get; set; } = "";

    /// <summary>Run seed: same scenario and seed give the same results.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>How many conversations a run starts (the command line may override).</summary>
    public int Conversations { get; set; } = 10_000;

    /// <summary>Arrival process.</summary>
    public ArrivalsConfig Arrivals { get; set; } = new();

    /// <summary>Virtual-time settings.</summary>
    public TimeConfig Time { get; set; } = new();

    /// <summary>First-contact channel mix and the channel switch matrix.</summary>
    public ChannelsConfig Channels { get; set; } = new();

    /// <summary>Synthetic customer population.</summary>
    public CustomersConfig Customers { get; set; } = new();

    /// <summary>Shape of conversations: turns, intents and planted content.</summary>
    public ConversationConfig Conversation { get; set; } = new();

    /// <summary>Communication providers.</summary>
    public List<ProviderConfig> Providers { get; set; } = [];

    /// <summary>Channel → primary and optional failover provider.</summary>
    public Dictionary<Channels.Channel, RouteConfig> Routing { get; set; } = [];

    /// <summary>Cross-channel context continuity: native success rate and the application-built store.</summary>
    public ContextConfig Context { get; set; } = new();

    /// <summary>AI agent deployments; conversations are assigned by intent.</summary>
    public List<AgentConfig> Agents { get; set; } = [];

    /// <summary>Guardrail layers, platform-native and application-built.</summary>
    public List<GuardrailConfig> Guardrails { get; set; } = [];

    /// <summary>Scripted faults in simulated time.</summary>
    public List<FaultConfig> Faults { get; set; } = [];

    /// <summary>The contact centre's human queues; every handover to a human goes through one. Empty: one queue with unlimited servers.</summary>
    public List<HumanQueueConfig> HumanQueues { get; set; } = [];
}
