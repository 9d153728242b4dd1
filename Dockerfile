# syntax=docker/dockerfile:1
# AgentSim images. Targets:
#   silo      the `agentsim` command (src/AgentSim.Cli), run as a silo exporting /metrics on :9464
#   loadtest  the load driver (loadtests/AgentSim.LoadTests), used by the `load` compose profile
# Build from the repository root: docker build --target silo -t agentsim:local .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
# The presets are embedded into AgentSim.Scenarios from scenarios/*.yaml. Host bin/ and obj/ stay out (.dockerignore).
COPY scenarios/ scenarios/
# Restored as Release: a Release build of the CLI is ReadyToRun for the build machine's runtime identifier (see its csproj).
RUN dotnet restore src/AgentSim.Cli/AgentSim.Cli.csproj -p:Configuration=Release
RUN dotnet publish src/AgentSim.Cli/AgentSim.Cli.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS silo
WORKDIR /app
COPY --from=build /app ./
COPY scenarios/ ./scenarios/
ENV DOTNET_gcServer=1 \
    AGENTSIM_URLS=http://0.0.0.0:9464
EXPOSE 9464
USER $APP_UID
ENTRYPOINT ["./agentsim"]
CMD ["silo", "--urls", "http://0.0.0.0:9464", "--scenario", "baseline", "--rate", "20", "--time-scale", "1"]

# Stages below are only built for the loadtest target (the silo target stops above).
FROM build AS loadtest-build
COPY loadtests/ loadtests/
RUN dotnet publish loadtests/AgentSim.LoadTests/AgentSim.LoadTests.csproj -c Release -o /loadtest

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS loadtest
WORKDIR /app
COPY --from=loadtest-build /loadtest ./
COPY scenarios/ ./scenarios/
EXPOSE 9465
USER $APP_UID
# The driver's assembly is agentsim-load (its csproj's AssemblyName). /metrics on :9465 when run with --metrics-port 9465.
ENTRYPOINT ["dotnet", "agentsim-load.dll"]
