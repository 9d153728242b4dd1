namespace AgentSim.Model.Channels;

/// <summary>Names and character of each <see cref="Channel"/>.</summary>
public static class ChannelInfo
{
    /// <summary>Number of channels.</summary>
    public const int Count = 6;

    private static readonly string[] Names = ["web_chat", "whatsapp", "sms", "voice", "email", "rcs"];

    // Mean customer think time between turns, in seconds, per channel.
    private static readonly double[] ThinkSeconds = [20, 90, 180, 4, 3600, 60];

    /// <summary>All channels in wire order.</summary>
    public static IReadOnlyList<Channel> All { get; } = [Channel.WebChat, Channel.WhatsApp, Channel.Sms, Channel.Voice, Channel.Email, Channel.Rcs];

    /// <summary>The wire name of a channel (<c>web_chat</c>, <c>whatsapp</c>, …).</summary>
    public static string Name(this Channel channel) => Names[(int)channel];

    /// <summary>Parses a wire name; returns false for an unknown name.</summary>
    public static bool TryParse(string? name, out Channel channel)
    {
        var index = Array.IndexOf(Names, name);
        channel = index < 0 ? default : (Channel)index;
        return index >= 0;
    }

    /// <summary>The wire names, for error messages.</summary>
    public static string KnownNames => string.Join(", ", Names);

    /// <summary>True for channels where the customer waits on the line (voice, web chat).</summary>
    public static bool IsSynchronous(this Channel channel) => channel is Channel.Voice or Channel.WebChat;

    /// <summary>True where PII arrives as a speech transcript (digits spelled out, "at" and "dot" in e-mail addresses).</summary>
    public static bool IsSpoken(this Channel channel) => channel == Channel.Voice;

    /// <summary>Mean customer think time between two turns on this channel, in seconds.</summary>
    public static double MeanThinkSeconds(this Channel channel) => ThinkSeconds[(int)channel];
}
