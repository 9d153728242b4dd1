namespace AgentSim.LoadTests.Scenarios;

/// <summary>A step of a load scenario: one call to the target, timed and counted on its own (NBomber's step).</summary>
public enum LoadStep
{
    /// <summary>Start a conversation (<c>POST /api/conversations</c>; 202 is success).</summary>
    Start,

    /// <summary>Ask where the conversation the scenario started stands (<c>GET /api/conversations/{id}</c>; 200 is success).</summary>
    Status,

    /// <summary>Start a conversation and wait until it ends (<c>POST /api/conversations?wait=true</c>; 200 is success, its outcome the kind).</summary>
    Converse,
}

/// <summary>Wire names of <see cref="LoadStep"/>.</summary>
public static class LoadSteps
{
    /// <summary>The names, in order of the enum.</summary>
    public static readonly string[] Names = ["start", "status", "converse"];

    /// <summary>The wire name of <paramref name="step"/>.</summary>
    public static string Name(this LoadStep step) => Names[(int)step];

    /// <summary>Parses a step's name.</summary>
    public static bool TryParse(string? name, out LoadStep step)
    {
        var i = Array.IndexOf(Names, name);
        step = i < 0 ? default : (LoadStep)i;
        return i >= 0;
    }
}
