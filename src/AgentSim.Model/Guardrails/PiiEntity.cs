namespace AgentSim.Model.Guardrails;

/// <summary>PII entity types, named as Presidio names them.</summary>
public enum PiiEntity
{
    /// <summary>A person's name.</summary>
    Person,

    /// <summary>An e-mail address.</summary>
    EmailAddress,

    /// <summary>A phone number.</summary>
    PhoneNumber,

    /// <summary>A payment card number.</summary>
    CreditCard,

    /// <summary>An IBAN.</summary>
    IbanCode,

    /// <summary>A US social security number.</summary>
    UsSsn,

    /// <summary>A street address.</summary>
    Location,

    /// <summary>An IPv4 address.</summary>
    IpAddress,
}
