using System.CommandLine;
using System.CommandLine.Parsing;

namespace AgentSim.Cli.Validation;

/// <summary>
/// Finds option-like tokens (<c>--bogus</c>) that the parser took as a positional argument (a scenario or file name),
/// so a mistyped flag is reported as an unknown option rather than as a missing file.
/// </summary>
public static class UnknownOptions
{
    /// <summary>One message per option-like argument of the invoked command; empty when there is none.</summary>
    public static IReadOnlyList<string> Find(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var name = command is RootCommand ? "agentsim" : $"agentsim {command.Name}";
        return [.. parse.CommandResult.Children
            .OfType<ArgumentResult>()
            .SelectMany(argument => argument.Tokens)
            .Where(token => token.Value.Length > 1 && token.Value[0] == '-')
            .Select(token => $"unknown option '{token.Value}' for '{name}'; see '{name} --help' (a file whose name starts with '-' can be given as ./{token.Value})")];
    }
}
