namespace AgentSim.Model.Guardrails;

/// <summary>PII entity types, named as Presidio names them.</summary>
public enum PiiEntity
{
    /// <summary>A person's name.</summary>
    [WireName("PERSON")]
    Person,

    /// <summary>An e-mail address.</summary>
    [WireName("EMAIL_ADDRESS")]
    EmailAddress,

    /// <summary>A phone number.</summary>
    [WireName("PHONE_NUMBER")]
    PhoneNumber,

    /// <summary>A payment card number.</summary>
    [WireName("CREDIT_CARD")]
    CreditCard,

    /// <summary>An IBAN.</summary>
    [WireName("IBAN_CODE")]
    IbanCode,

    /// <summary>A US social security number.</summary>
    [WireName("US_SSN")]
    UsSsn,

    /// <summary>A street address.</summary>
    [WireName("LOCATION")]
    Location,

    /// <summary>An IPv4 address.</summary>
    [WireName("IP_ADDRESS")]
    IpAddress,
}
