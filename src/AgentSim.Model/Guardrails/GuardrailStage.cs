namespace AgentSim.Model.Guardrails;

/// <summary>Where in a turn a guardrail layer runs (NeMo Guardrails' stages plus the platform's transport stage and audit).</summary>
public enum GuardrailStage
{
    /// <summary>At the provider, on the message in transit, before the application sees it.</summary>
    [WireName("transport")]
    Transport,

    /// <summary>On the customer's input, before the agent.</summary>
    [WireName("input")]
    Input,

    /// <summary>Dialog rails: on the conversation flow, before the agent answers.</summary>
    [WireName("dialog")]
    Dialog,

    /// <summary>On retrieved context, after the agent drafts.</summary>
    [WireName("retrieval")]
    Retrieval,

    /// <summary>On tool calls the agent makes.</summary>
    [WireName("tool")]
    Tool,

    /// <summary>On the agent's answer, before the customer sees it.</summary>
    [WireName("output")]
    Output,

    /// <summary>After delivery: audit logging and incident detection.</summary>
    [WireName("audit")]
    Audit,
}
