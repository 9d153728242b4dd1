using System.Reflection;
using System.Reflection.Emit;

namespace AgentSim.Model.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which, read from the compiled code: signatures, fields, attributes and every type,
/// method and field token in method bodies (so a fully qualified reference counts as much as a using directive).
/// </summary>
internal static class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Edges namespace → namespaces it uses, restricted to namespaces starting with <paramref name="prefix"/>.</summary>
    public static Dictionary<string, SortedSet<string>> Of(Assembly assembly, string prefix)
    {
        var edges = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from is null || !from.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var used = edges.TryGetValue(from, out var set) ? set : edges[from] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var t in Referenced(type))
            {
                if (NamespaceOf(t) is { } to && to != from && to.StartsWith(prefix, StringComparison.Ordinal))
                {
                    used.Add(to);
                }
            }
        }

        return edges;
    }

    /// <summary>Strongly connected groups of more than one namespace (each is a loop), found with Tarjan's algorithm.</summary>
    public static List<List<string>> Loops(Dictionary<string, SortedSet<string>> edges)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var loops = new List<List<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var group = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    group.Add(w);
                }
                while (w != v);
                if (group.Count > 1)
                {
                    group.Sort(StringComparer.Ordinal);
                    loops.Add(group);
                }
            }
        }

        foreach (var v in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return loops;
    }

    private static string? NamespaceOf(Type type)
    {
        while (type.IsNested)
        {
            type = type.DeclaringType!;
        }

        return type.Namespace;
    }

    private static IEnumerable<Type> Referenced(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        if (type.BaseType is { } b)
        {
            found.Add(b);
        }

        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        foreach (var f in type.GetFields(all))
        {
            found.Add(f.FieldType);
            found.AddRange(f.GetCustomAttributesData().Select(a => a.AttributeType));
        }

        foreach (var p in type.GetProperties(all))
        {
            found.Add(p.PropertyType);
        }

        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi)
            {
                found.Add(mi.ReturnType);
            }

            found.AddRange(m.GetParameters().Select(p => p.ParameterType));
            found.AddRange(Body(m));
        }

        return found.SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type t)
    {
        while (t.HasElementType)
        {
            t = t.GetElementType()!;
        }

        yield return t;
        if (t.IsGenericType)
        {
            foreach (var a in t.GetGenericArguments().SelectMany(Expand))
            {
                yield return a;
            }
        }
    }

    private static IEnumerable<Type> Body(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        foreach (var local in method.GetMethodBody()!.LocalVariables)
        {
            yield return local.LocalType;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (BitConverter.ToInt32(il, i) * 4),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, i);
                Type? t = null;
                try
                {
                    t = method.Module.ResolveMember(token, typeArgs, methodArgs) switch
                    {
                        Type x => x,
                        MemberInfo m => m.DeclaringType,
                        _ => null,
                    };
                }
                catch (ArgumentException)
                {
                }

                if (t is not null)
                {
                    yield return t;
                }
            }

            i += size;
        }
    }
}
