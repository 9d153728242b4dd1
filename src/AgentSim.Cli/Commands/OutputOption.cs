using System.CommandLine;
using AgentSim.Cli.Validation;

namespace AgentSim.Cli.Commands;

/// <summary>The <c>--out</c> option of the commands that write files, checked when the command line is parsed — before any run.</summary>
public static class OutputOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "--out";

    /// <summary>An output-directory option defaulting to <c>out</c>; a path that is empty, a file, or not writable is a parse error (exit 2).</summary>
    public static Option<string> Create(string description)
    {
        var option = new Option<string>(Name) { Description = description, DefaultValueFactory = _ => "out" };
        option.Validators.Add(result =>
        {
            var path = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "out";
            if (OutputDirectory.Problem(Name, path) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }
}
