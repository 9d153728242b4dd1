using AgentSim.Model.Configuration;
using AgentSim.Model.Customers;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Randomness;
using AgentSim.Model.Text;

namespace AgentSim.Model.Tests.Customers;

public class CustomerFactoryTests
{
    private static CustomerFactory Factory(ulong seed) =>
        new(seed, new CustomersConfig { Locales = ["en_US", "en_GB"] }, new WeightedTable([1, 1, 1, 1, 1, 1]));

    [Fact]
    public void Create_SameSeedAndId_SameCustomerWhateverTheOrder()
    {
        var a = Factory(42);
        var b = Factory(42);
        _ = b.Create(99);
        _ = b.Create(3);
        var x = a.Create(7);
        var y = b.Create(7);
        Assert.Equal(x.Pii, y.Pii);
        Assert.Equal(x.PreferredChannel, y.PreferredChannel);
        Assert.Equal(x.Patience, y.Patience);
    }

    [Fact]
    public void Create_OtherSeed_OtherCustomer()
    {
        Assert.NotEqual(Factory(42).Create(7).Value(PiiEntity.EmailAddress), Factory(43).Create(7).Value(PiiEntity.EmailAddress));
    }

    [Fact]
    public void Create_Card_PassesLuhn()
    {
        var f = Factory(1);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(Luhn.IsValid(f.Create(i).Value(PiiEntity.CreditCard)));
        }
    }

    [Fact]
    public void ToString_ForLogs_MasksPii()
    {
        var c = Factory(42).Create(7);
        var text = c.ToString();
        Assert.DoesNotContain(c.Value(PiiEntity.EmailAddress), text, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Value(PiiEntity.Person), text, StringComparison.Ordinal);
    }
}
