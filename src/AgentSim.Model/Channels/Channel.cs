namespace AgentSim.Model.Channels;

/// <summary>A customer-communication channel. The wire names (<c>web_chat</c>, …) are used in scenario files and metric labels.</summary>
public enum Channel
{
    /// <summary>Website chat widget (synchronous text).</summary>
    [WireName("web_chat")]
    WebChat = 0,

    /// <summary>WhatsApp Business messaging (asynchronous text).</summary>
    [WireName("whatsapp")]
    WhatsApp = 1,

    /// <summary>SMS (asynchronous text, 160-character segments).</summary>
    [WireName("sms")]
    Sms = 2,

    /// <summary>Voice call, transcribed (synchronous; digits are spoken out).</summary>
    [WireName("voice")]
    Voice = 3,

    /// <summary>E-mail (asynchronous, long turns).</summary>
    [WireName("email")]
    Email = 4,

    /// <summary>RCS rich messaging (asynchronous text).</summary>
    [WireName("rcs")]
    Rcs = 5,
}
