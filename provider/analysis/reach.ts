/**
 * Can a VPN client whose own home LAN is `clientLan` reach a service behind the router, and at which address?
 *
 * The client's operating system sends anything inside its home LAN to that LAN, never into the VPN, so the service
 * must be reached at an address outside it: the service's own address or a static NAT alias of it. Each candidate is
 * proven with a full trace from pp anonymous (the client holding a pool address), reply included.
 */
import { AnalysisError } from "../errors";
import { IPv4, IPv4CidrRange, Validator } from "ip-num";
import { inSpans, ip, isOwnAddress, poolSpans, type NetworkModel } from "./network";
import { trace, type TraceResult } from "./trace";
import type { FilterDecision } from "./filters";

export interface ReachQuery {
  clientLan: string;
  service: { ip: string; proto: "tcp" | "udp" | "icmp"; port?: number };
}

export interface ReachResult {
  reachable: boolean;
  via: string | null;
  reason: string;
  /** The trace that proves the round trip (or the last one that failed); null when nothing could be traced. */
  proof: TraceResult | null;
  /** The secure filter that dropped the packet or its answer (of the first address a filter blocked), or null. */
  blockedBy: FilterDecision | null;
}

/** The service's own address and every static NAT outer address that maps to it. */
function candidates(model: NetworkModel, service: IPv4): IPv4[] {
  const found = [service];
  for (const d of model.descriptors.values()) {
    for (const s of d.statics) {
      if (!inSpans(service, [s.inner])) continue;
      const alias = IPv4.fromNumber(
        s.outer.getFirst().getValue() + service.getValue() - s.inner.getFirst().getValue(),
      );
      if (!found.some((f) => f.isEquals(alias))) found.push(alias);
    }
  }
  return found;
}

/** The first pool address a client could hold, skipping addresses inside its home LAN. */
function clientAddress(model: NetworkModel, home: IPv4CidrRange): IPv4 | undefined {
  for (const span of poolSpans(model)) {
    for (let v = span.getFirst().getValue(); v <= span.getLast().getValue(); v++) {
      const candidate = IPv4.fromNumber(v);
      if (!home.contains(candidate)) return candidate;
    }
  }
  return undefined;
}

function failure(t: TraceResult): string {
  const hop = t.verdict === "dropped" || !t.reply ? t : t.reply;
  return hop.steps[hop.steps.length - 1] ?? hop.verdict;
}

/**
 * With `ppp ipcp msext on` the client is given the router's LAN address as DNS server and a host route to it through
 * the VPN (seed §3: 192.168.11.250 works even for a client whose home LAN is 192.168.11.0/24).
 */
function dnsHostRoute(model: NetworkModel, address: IPv4): boolean {
  const dns = model.interfaces.get("lan1")?.addresses[0]?.ip;
  return model.interfaces.get("pp:anonymous")?.msext === true && dns !== undefined && dns.isEquals(address);
}

export function reach(model: NetworkModel, query: ReachQuery): ReachResult {
  if (!Validator.isValidIPv4CidrNotation(query.clientLan)[0])
    throw new AnalysisError(0, `client-lan: "${query.clientLan}" is not a network such as 192.168.11.0/24`);
  const home = IPv4CidrRange.fromCidr(query.clientLan);
  const service = ip(query.service.ip, 0, "service");
  if (poolSpans(model).length === 0)
    return {
      reachable: false,
      via: null,
      reason: "pp anonymous has no remote address pool: no L2TP/IPsec client can connect",
      proof: null,
      blockedBy: null,
    };
  const client = clientAddress(model, home);
  if (!client)
    return {
      reachable: false,
      via: null,
      reason: `every pp anonymous pool address lies inside the client's home LAN ${query.clientLan}`,
      proof: null,
      blockedBy: null,
    };
  const notes: string[] = [];
  let proof: TraceResult | null = null;
  let blockedBy: FilterDecision | null = null;
  const addresses = candidates(model, service);
  for (const candidate of addresses) {
    if (home.contains(candidate) && !dnsHostRoute(model, candidate)) {
      notes.push(
        `${candidate} lies inside the client's home LAN ${query.clientLan}, so the client never sends it into the VPN`,
      );
      continue;
    }
    const t = trace(model, {
      in: "pp:anonymous",
      src: client.toString(),
      dst: candidate.toString(),
      proto: query.service.proto,
      dport: query.service.port,
    });
    proof = t;
    blockedBy ??= t.blockedBy ?? t.reply?.blockedBy ?? null;
    const arrives =
      t.verdict === "router"
        ? isOwnAddress(model, service)
        : t.verdict === "delivered" && t.dst === service.toString();
    if (arrives && t.reply?.verdict === "delivered") {
      const at = t.verdict === "router" ? "the router" : `${t.dst} on ${t.egress}`;
      return {
        reachable: true,
        via: candidate.toString(),
        reason: `client ${client} → ${candidate} arrives at ${at}; the reply returns from ${candidate}`,
        proof: t,
        blockedBy: null,
      };
    }
    const why =
      arrives || t.verdict === "dropped"
        ? failure(t)
        : `the packet ends at ${t.dst} on ${t.egress ?? "the router"}, not ${service}`;
    notes.push(`${candidate}: ${why}`);
  }
  if (addresses.length === 1) notes.push(`no static NAT alias maps to ${service}`);
  return { reachable: false, via: null, reason: notes.join("; "), proof, blockedBy };
}
