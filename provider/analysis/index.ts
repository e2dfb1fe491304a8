/** Offline analyses of a router config: network model, packet trace, VPN reachability, pitfall lint. */
export { AnalysisError } from "../errors";
export { buildNetwork, type NetworkModel, type InterfaceName } from "./network";
export { trace, type TraceQuery, type TraceResult, type Hop, type Verdict } from "./trace";
export { reach, type ReachQuery, type ReachResult } from "./reach";
export { lint, type Finding, type LintOptions, type Severity } from "./lint";
