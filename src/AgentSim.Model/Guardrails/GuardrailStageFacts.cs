namespace AgentSim.Model.Guardrails;

/// <summary>Where each <see cref="GuardrailStage"/> stands relative to the agent.</summary>
public static class GuardrailStageFacts
{
    /// <summary>True for stages that see the customer's message before the agent: transport, input, dialog.</summary>
    public static bool IsBeforeAgent(this GuardrailStage stage) => stage is GuardrailStage.Transport or GuardrailStage.Input or GuardrailStage.Dialog;

    /// <summary>True for stages that see the agent's answer before the customer: retrieval, tool, output.</summary>
    public static bool IsAfterAgent(this GuardrailStage stage) => stage is GuardrailStage.Retrieval or GuardrailStage.Tool or GuardrailStage.Output;
}
