// The metrics exporter of an in-process silo sees every AgentSim meter in the process, and the hey test counts the
// silo's started conversations exactly: tests here start in-process silos, so they run one at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
