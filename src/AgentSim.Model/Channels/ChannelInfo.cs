namespace AgentSim.Model.Channels;

/// <summary>The character of each <see cref="Channel"/>; wire names stand on the enum's values.</summary>
public static class ChannelInfo
{
    // Default mean customer think time between turns, in seconds, in Channel order (channels.think_seconds overrides it).
    private static readonly double[] ThinkSeconds = [20, 90, 180, 4, 3600, 60];

    /// <summary>Number of channels.</summary>
    public static int Count { get; } = Wire<Channel>.Count;

    /// <summary>All channels in wire order.</summary>
    public static IReadOnlyList<Channel> All => Wire<Channel>.Values;

    /// <summary>True for channels where the customer waits on the line (voice, web chat).</summary>
    public static bool IsSynchronous(this Channel channel) => channel is Channel.Voice or Channel.WebChat;

    /// <summary>True where PII arrives as a speech transcript (digits spelled out, "at" and "dot" in e-mail addresses).</summary>
    public static bool IsSpoken(this Channel channel) => channel == Channel.Voice;

    /// <summary>Default mean customer think time between two turns on this channel, in seconds.</summary>
    public static double DefaultThinkSeconds(this Channel channel) => ThinkSeconds[(int)channel];
}
