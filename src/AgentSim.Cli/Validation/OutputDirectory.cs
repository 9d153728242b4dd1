namespace AgentSim.Cli.Validation;

/// <summary>Checks, before a run, that an output directory can be used: a path, not a file, and writable (or creatable) — without writing anything there.</summary>
public static class OutputDirectory
{
    /// <summary>What is wrong with <paramref name="path"/> given as <paramref name="flag"/>, or null when a command can write its files there.</summary>
    public static string? Problem(string flag, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return $"{flag} is empty; give the directory to write to (default: out)";
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{flag} '{path}' is not a valid path: {ex.Message}";
        }

        if (File.Exists(full))
        {
            return $"{flag} '{path}' is a file, not a directory ({full})";
        }

        // The nearest part of the path that exists: the directory itself, or the parent it would be created in.
        var existing = full;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                return $"{flag} '{path}' cannot be created: {existing} is a file, not a directory";
            }

            existing = Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return $"{flag} '{path}' cannot be created: no part of {full} exists";
            }
        }

        return WriteProblem(existing) is { } reason
            ? existing == full
                ? $"{flag} '{path}' is not writable: cannot create a file in {full} ({reason})"
                : $"{flag} '{path}' cannot be created: cannot create a directory in {existing} ({reason})"
            : null;
    }

    /// <summary>Throws <see cref="CliInputException"/> when <see cref="Problem"/> finds one.</summary>
    public static void Check(string flag, string? path)
    {
        if (Problem(flag, path) is { } problem)
        {
            throw new CliInputException(problem);
        }
    }

    // Creates and removes a uniquely named directory: what the command will need (it creates the directory, then files in it).
    private static string? WriteProblem(string directory)
    {
        var probe = Path.Combine(directory, $".agentsim-check-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(probe);
            File.WriteAllText(Path.Combine(probe, "probe"), "");
            Directory.Delete(probe, recursive: true);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException ex)
        {
            TryDelete(probe);
            return $"the system refused: {ex.Message.Replace(probe, directory, StringComparison.Ordinal)}";
        }
    }

    private static void TryDelete(string probe)
    {
        try
        {
            if (Directory.Exists(probe))
            {
                Directory.Delete(probe, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: the probe is uniquely named and empty, or it was never created.
        }
    }
}
