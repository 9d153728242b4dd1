namespace AgentSim.Cli.Validation;

/// <summary>Bad input found before a command starts its work; the command line prints each problem as <c>error: …</c> and exits 2.</summary>
public sealed class CliInputException : Exception
{
    /// <summary>Creates the exception for one or more problems, each naming the flag, key, file or path it is about.</summary>
    public CliInputException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception for one problem.</summary>
    public CliInputException(string problem)
        : this([problem])
    {
    }

    /// <summary>Creates the exception with no problem text (required by the exception pattern; prefer the other constructors).</summary>
    public CliInputException()
        : this("bad input")
    {
    }

    /// <summary>Creates the exception for one problem with the exception that revealed it.</summary>
    public CliInputException(string problem, Exception inner)
        : base(problem, inner)
    {
        Problems = [problem];
    }

    /// <summary>Every problem found, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
