/**
 * `nvr plan`'s pure core: the resources a program declares + the router's config → the commands each resource
 * would send, the config after them, the NVR-line diff, lint findings on the result and the program's own
 * reachability claims. Pulumi creates resources one after another against the live router, so each plan is
 * computed against the config its predecessors left.
 */
import { buildNetwork, lint, reach, trace, type Finding, type TraceQuery } from "../analysis";
import { indexConfig } from "../config/index";
import type { ConfigTree, ContextCommand } from "../config/model";
import { parseConfig } from "../config/parse";
import { renderConfig } from "../config/render";
import {
  check,
  labelOf,
  listedObjects,
  resourceKinds,
  type ResourceKind,
  type ResourceKindName,
} from "../resources";
import { redact } from "../secrets";
import { applyCommands } from "../config/write";
import { configDiff, type ConfigDiff } from "./diff";

// The registry holds kinds of different model types; the review treats models opaquely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = ResourceKind<any>;

/** One resource as the program declared it: its kind, Pulumi name and properties (before `check`). */
export interface DeclaredResource {
  kind: string;
  name: string;
  /** Its model's properties as the program gave them (SDK names such as `descriptor`), without router and flags. */
  inputs: Record<string, unknown>;
  adopt: boolean;
}

/** A reachability claim from checks.yaml: a VPN client with home LAN `clientLan` reaches `service` (or not). */
export interface ReachClaim {
  type: "reach";
  name: string;
  clientLan: string;
  service: { ip: string; proto: "tcp" | "udp" | "icmp"; port?: number };
  expect: "reachable" | "unreachable";
  /** The address the client must use, when the claim names one. */
  via?: string;
}

/** A packet-path claim from checks.yaml: the packet ends with `expect` (and leaves through `egress`). */
export interface TraceClaim {
  type: "trace";
  name: string;
  query: TraceQuery;
  expect: "delivered" | "dropped" | "router";
  egress?: string;
}

export type Claim = ReachClaim | TraceClaim;

export interface ClaimResult {
  name: string;
  passed: boolean;
  /** What the analysis found, in a sentence. */
  detail: string;
}

/** A lint finding on the after config, with its offending lines as text and whether the change introduced it. */
export interface ReviewFinding extends Omit<Finding, "lines"> {
  lines: string[];
  introduced: boolean;
}

export interface ResourcePlan {
  kind: string;
  name: string;
  identity: string;
  /** The commands this resource sends, secrets masked. */
  commands: ContextCommand[];
}

export interface ReviewReport {
  resources: ResourcePlan[];
  /** The config after every resource's commands (secrets as the program gave them). */
  after: ConfigTree;
  diff: ConfigDiff;
  findings: ReviewFinding[];
  claims: ClaimResult[];
  /** What would make `pulumi up` fail before any line is sent: invalid inputs, existing lines without adopt. */
  problems: string[];
  /** A claim failed, lint found an error, or a resource has a problem. */
  failed: boolean;
}

export interface ReviewInput {
  before: ConfigTree;
  resources: readonly DeclaredResource[];
  claims?: readonly Claim[];
  /** Router model for lint and analysis (default: the config header's). */
  model?: string;
}

const kindNamed = (name: string): AnyKind | undefined =>
  (resourceKinds as Record<string, AnyKind | undefined>)[name];

/** A tree whose line numbers are those of its own rendering, so findings point into the after config. */
function renumbered(tree: ConfigTree): { tree: ConfigTree; text: string[] } {
  const text = renderConfig(tree);
  return { tree: parseConfig(text), text: text.split("\n") };
}

/**
 * Pulumi registers resources as their inputs resolve, in no fixed order; a review must not change between runs.
 * Descriptors come before the interfaces that bind them (as dependencies make `pulumi up` do), then by name.
 */
const KIND_ORDER = [
  "NatDescriptor",
  "LanInterface",
  "StaticRoute",
  "DhcpScope",
  "L2tpAnonymousPool",
  "GlobalSwitch",
];

function ordered(resources: readonly DeclaredResource[]): DeclaredResource[] {
  const rank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);
  return [...resources].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

function findingsOf(before: ConfigTree, after: ConfigTree, model?: string): ReviewFinding[] {
  const describe = (tree: ConfigTree) => {
    const { tree: numbered, text } = renumbered(tree);
    return lint(numbered, { model }).map((f) => ({
      ...f,
      lines: f.lines.map((n) => redact(text[n - 1]?.trim() ?? `line ${n}`)),
    }));
  };
  const signature = (f: { code: string; lines: string[] }) => `${f.code}\u0000${f.lines.join("\u0000")}`;
  const existing = new Set(describe(before).map(signature));
  return describe(after).map((f) => ({ ...f, introduced: !existing.has(signature(f)) }));
}

function evaluate(claim: Claim, after: ConfigTree, model?: string): ClaimResult {
  try {
    const network = buildNetwork(after, model);
    if (claim.type === "reach") {
      const r = reach(network, { clientLan: claim.clientLan, service: claim.service });
      const reachable = claim.expect === "reachable";
      const viaOk = !reachable || claim.via === undefined || r.via === claim.via;
      const found = r.reachable ? `reachable via ${r.via}` : "not reachable";
      return {
        name: claim.name,
        passed: r.reachable === reachable && viaOk,
        detail: redact(`${found}: ${r.reason}`),
      };
    }
    const t = trace(network, claim.query);
    const passed = t.verdict === claim.expect && (claim.egress === undefined || t.egress === claim.egress);
    const last = t.steps[t.steps.length - 1];
    return {
      name: claim.name,
      passed,
      detail: redact(`${t.verdict}${t.egress ? ` via ${t.egress}` : ""}${last ? `: ${last}` : ""}`),
    };
  } catch (e) {
    return { name: claim.name, passed: false, detail: redact(`cannot analyse: ${(e as Error).message}`) };
  }
}

/**
 * The router objects a resource declares, named as the provider's claims name them: its own (kind and identity) and,
 * for a table, each route it lists (`StaticRoute ip route N` with the network in normal form).
 */
function objectsOf(kind: AnyKind, model: unknown, identity: string): string[] {
  const listed = kind.stateForm ? listedObjects(kind, kind.stateForm.toState(model)) : [];
  return [labelOf(kind, identity), ...listed];
}

export function review(input: ReviewInput): ReviewReport {
  const problems: string[] = [];
  const resources: ResourcePlan[] = [];
  const original = indexConfig(input.before);
  /** Each router object a resource declared so far, and that resource (the provider's check refuses a second). */
  const declaredBy = new Map<string, string>();
  let current = input.before;
  for (const r of ordered(input.resources)) {
    const kind = kindNamed(r.kind);
    if (!kind) {
      problems.push(`${r.name}: unknown NVR resource kind "${r.kind}"`);
      continue;
    }
    // The router's model sets the limits (LAN interfaces, tunnels) as the provider's check would.
    const checked = check(r.kind as ResourceKindName, r.inputs, input.model ?? input.before.header.model);
    if ("failures" in checked) {
      for (const f of checked.failures) problems.push(`${r.kind} ${r.name}: ${f.property}: ${f.reason}`);
      continue;
    }
    const model = checked.model;
    const identity = kind.identity(model);
    for (const object of objectsOf(kind, model, identity)) {
      const other = declaredBy.get(object);
      if (other === undefined) declaredBy.set(object, `${r.kind} ${r.name}`);
      else
        problems.push(
          `${r.kind} ${r.name}: ${object} is also declared by ${other}; pulumi up refuses the second: one router object is one resource, or deleting either would remove it from under the other`,
        );
    }
    const taken = kind.conflicts(original, model);
    if (taken.length > 0 && !r.adopt && !kind.alwaysExists)
      problems.push(
        `${r.kind} ${r.name}: the router already has ${identity} (${taken.map((l) => redact(l.text)).join("; ")}); set adopt: true to take it over`,
      );
    const commands = kind.plan(indexConfig(current), model, undefined, identity);
    current = applyCommands(current, commands);
    resources.push({
      kind: r.kind,
      name: r.name,
      identity,
      commands: commands.map((c) => ({ context: c.context, command: redact(c.command) })),
    });
  }
  const diff = configDiff(input.before, current);
  const findings = findingsOf(input.before, current, input.model);
  const claims = (input.claims ?? []).map((c) => evaluate(c, current, input.model));
  const failed =
    problems.length > 0 || claims.some((c) => !c.passed) || findings.some((f) => f.severity === "error");
  return { resources, after: current, diff, findings, claims, problems: problems.map(redact), failed };
}
