namespace AgentSim.Model.Text;

/// <summary>Whether a planted value can still be read in a text, written or spoken.</summary>
public static class Fingerprints
{
    /// <summary>True when <paramref name="text"/> still shows the value with this <see cref="SpokenForms.Fingerprint"/>, in any written or spoken form.</summary>
    public static bool Visible(string text, string fingerprint) =>
        fingerprint.Length > 0 && SpokenForms.ContainsFingerprint(text, fingerprint);
}
