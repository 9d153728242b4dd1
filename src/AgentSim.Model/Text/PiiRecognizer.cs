using System.Text.RegularExpressions;
using AgentSim.Model.Guardrails;

namespace AgentSim.Model.Text;

/// <summary>Finds one PII entity type in text, the way a pattern recognizer in Presidio does.</summary>
public sealed class PiiRecognizer(PiiEntity entity, Regex pattern, Func<string, bool>? validate = null)
{
    /// <summary>The entity type.</summary>
    public PiiEntity Entity { get; } = entity;

    /// <summary>Replaces every valid match with <c>&lt;ENTITY&gt;</c>; returns how many were masked.</summary>
    public int Mask(ref string text)
    {
        var count = 0;
        var name = "<" + Entity.Name() + ">";
        text = pattern.Replace(text, m =>
        {
            if (validate is not null && !validate(m.Value))
            {
                return m.Value;
            }

            count++;
            return name;
        });
        return count;
    }
}
