using AgentSim.Model.Events;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>The agent's answer with the errors in it, as the layers after the agent see and change it.</summary>
public struct AgentAnswer
{
    /// <summary>The answer's text.</summary>
    public string Text;

    /// <summary>The PII entity the answer echoes back, if any.</summary>
    public PiiEntity? EchoEntity;

    /// <summary>The answer is made up.</summary>
    public bool Hallucinated;

    /// <summary>The agent complied with an injection.</summary>
    public bool Complied;

    /// <summary>Severity of unsafe text in the answer (0 = none).</summary>
    public int UnsafeSeverity;

    /// <summary>A layer blocked the answer: the customer gets a safe fallback.</summary>
    public bool Blocked;

    /// <summary>A layer handed the conversation to a human.</summary>
    public bool Escalate;

    /// <summary>Bit per <see cref="IncidentKind"/> that a log-only layer logged (detected at once by whoever reads the log).</summary>
    public int LoggedMask;

    /// <summary>An empty answer.</summary>
    public AgentAnswer()
    {
        Text = "";
    }

    /// <summary>Records that a log-only layer logged an error of <paramref name="kind"/>.</summary>
    public void Log(IncidentKind kind) => LoggedMask |= 1 << (int)kind;

    /// <summary>Whether a log-only layer logged an error of <paramref name="kind"/>.</summary>
    public readonly bool Logged(IncidentKind kind) => (LoggedMask & (1 << (int)kind)) != 0;
}
