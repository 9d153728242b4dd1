namespace AgentSim.Cli.Validation;

/// <summary>The checks shared by every command that takes <c>--clustering</c>, <c>--redis</c> and <c>--cluster-id</c>.</summary>
public static class ClusterSettings
{
    /// <summary>
    /// The problems of a clustering choice: an unknown clustering; <c>redis</c> without a Redis address or without a cluster
    /// id; a Redis address without <c>redis</c> clustering, or one that is not <c>HOST:PORT</c>. Each names its flag or key.
    /// </summary>
    public static IReadOnlyList<string> Problems(string clustering, string clusteringLabel, string? redis, string redisLabel, string? clusterId, string clusterIdLabel, string whyClusterId)
    {
        var problems = new List<string>();
        if (clustering is not ("localhost" or "redis"))
        {
            problems.Add($"{clusteringLabel}: '{clustering}' is not a clustering; use localhost (one process, the default) or redis (membership and state in Redis, with --redis HOST:PORT)");
            return problems;
        }

        if (clustering == "redis")
        {
            if (redis is null)
            {
                problems.Add($"{clusteringLabel}: redis needs the Redis server: give --redis HOST:PORT");
            }

            if (clusterId is null)
            {
                problems.Add($"{clusteringLabel}: redis needs the cluster's id: give --cluster-id ID ({whyClusterId})");
            }
        }
        else if (redis is not null)
        {
            problems.Add($"{redisLabel}: needs --clustering redis (the clustering is localhost, which uses no Redis)");
        }

        if (redis is not null && RedisServer.FormProblem(redis) is { } form)
        {
            problems.Add($"{redisLabel}: {form}");
        }

        return problems;
    }
}
