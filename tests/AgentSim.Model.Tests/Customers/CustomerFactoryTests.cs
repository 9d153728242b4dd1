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

    [Fact]
    public void Create_AgreesWithBogusReplaceNumbers()
    {
        var config = new CustomersConfig { Locales = ["en_US", "en_GB"] };
        var f = new CustomerFactory(42, config, new WeightedTable([1, 1, 1, 1, 1, 1]));
        var fakers = new Dictionary<string, Bogus.Faker>();
        for (var id = 0; id < 2000; id++)
        {
            var actual = f.Create(id);
            if (!fakers.TryGetValue(actual.Locale, out var faker))
            {
                fakers[actual.Locale] = faker = new Bogus.Faker(actual.Locale);
            }

            // The original construction, verbatim.
            faker.Random = new Bogus.Randomizer((int)(SeedHash.Derive(42, (ulong)id, Purpose.CustomerProfile) & 0x7FFFFFFF));
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var pii = new string[8];
            pii[(int)PiiEntity.Person] = first + " " + last;
            pii[(int)PiiEntity.EmailAddress] = faker.Internet.Email(first, last).ToLowerInvariant();
            pii[(int)PiiEntity.PhoneNumber] = faker.Random.ReplaceNumbers("+1 ### ### ####");
            var cardPayload = "4" + faker.Random.ReplaceNumbers("##############");
            var card = cardPayload + Luhn.CheckDigit(cardPayload);
            pii[(int)PiiEntity.CreditCard] = $"{card[..4]} {card[4..8]} {card[8..12]} {card[12..]}";
            pii[(int)PiiEntity.IbanCode] = faker.Random.ReplaceNumbers("DE## #### #### #### #### ##");
            pii[(int)PiiEntity.UsSsn] = faker.Random.ReplaceNumbers("###-##-####");
            pii[(int)PiiEntity.Location] = faker.Random.Number(1, 999) + " " + faker.Address.StreetName();
            pii[(int)PiiEntity.IpAddress] = faker.Internet.Ip();
            Assert.Equal(pii, actual.Pii);
        }
    }

    [Fact]
    public void Get_FactoriesOfOneWorld_ShareProfiles()
    {
        var config = new CustomersConfig { Population = 1000 };
        var mix = new WeightedTable([1, 1, 1, 1, 1, 1]);
        var a = new CustomerFactory(5, config, mix);
        var b = new CustomerFactory(5, config, mix);
        Assert.Same(a.Get(17), b.Get(17));
        Assert.Equal(a.Create(17).Pii, b.Get(17).Pii);

        // Another seed on the same objects, or another world, gets its own customers.
        var other = new CustomerFactory(6, config, mix);
        Assert.NotSame(a.Get(17), other.Get(17));
        Assert.NotEqual(a.Get(17).Pii, other.Get(17).Pii);
        Assert.NotSame(a.Get(17), new CustomerFactory(5, config, new WeightedTable([1, 1, 1, 1, 1, 1])).Get(17));
    }

    [Fact]
    public void Get_ConcurrentShards_SameCustomersAsAlone()
    {
        var config = new CustomersConfig { Population = 3000 };
        var mix = new WeightedTable([1, 1, 1, 1, 1, 1]);
        var alone = new CustomerFactory(8, new CustomersConfig { Population = 3000 }, new WeightedTable([1, 1, 1, 1, 1, 1]));
        var seen = new CustomerProfile[2][];
        Parallel.For(0, 2, s =>
        {
            var f = new CustomerFactory(8, config, mix);
            seen[s] = [.. Enumerable.Range(0, 3000).Select(i => f.Get(s == 0 ? i : 2999 - i))];
        });
        for (var i = 0; i < 3000; i++)
        {
            Assert.Same(seen[0][i], seen[1][2999 - i]);
            Assert.Equal(alone.Get(i).Pii, seen[0][i].Pii);
            Assert.Equal(alone.Get(i).Patience, seen[0][i].Patience);
        }
    }

    [Fact]
    public void Fingerprint_IsTheFingerprintOfTheValue()
    {
        var c = Factory(4).Create(2);
        foreach (var entity in Enum.GetValues<PiiEntity>())
        {
            Assert.Equal(SpokenForms.Fingerprint(c.Value(entity)), c.Fingerprint(entity));
            Assert.Same(c.Fingerprint(entity), c.Fingerprint(entity));
        }
    }
}
