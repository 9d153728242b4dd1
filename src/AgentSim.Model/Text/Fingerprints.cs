namespace AgentSim.Model.Text;

/// <summary>Whether a planted value can still be read in a text, written or spoken.</summary>
public static class Fingerprints
{
    // A turn asks about the same (text, fingerprint) pair several times (the PII checks before and after masking, the
    // agent's echo); strings are immutable, so the last answer on this thread can be reused for the same two instances.
    [ThreadStatic]
    private static string? _lastText;

    [ThreadStatic]
    private static string? _lastFingerprint;

    [ThreadStatic]
    private static bool _lastVisible;

    /// <summary>True when <paramref name="text"/> still shows the value with this <see cref="SpokenForms.Fingerprint"/>, in any written or spoken form.</summary>
    public static bool Visible(string text, string fingerprint)
    {
        if (fingerprint.Length == 0)
        {
            return false;
        }

        if (ReferenceEquals(text, _lastText) && ReferenceEquals(fingerprint, _lastFingerprint))
        {
            return _lastVisible;
        }

        var visible = SpokenForms.ContainsFingerprint(text, fingerprint);
        _lastText = text;
        _lastFingerprint = fingerprint;
        _lastVisible = visible;
        return visible;
    }
}
