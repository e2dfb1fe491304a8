/**
 * Contract between the simulator's command grammar (grammar/: which configuration commands exist, their
 * argument validation, canonical form, key and show-config order) and its runtime (engine.ts: sessions, state,
 * operational commands such as administrator/save/show/restart). The simulator shares no parsing code with the
 * provider, so a bug cannot hide by being on both sides.
 */

/** Where a configuration command is stored. */
export type Scope = "global" | "pp" | "tunnel";

/** The select context a command is typed in. */
export type SimContext = { kind: "none" } | { kind: "pp"; peer: string } | { kind: "tunnel"; tunnel: number };

/** The device's error classes; the runtime renders them in English or Japanese. */
export type GrammarError =
  | "invalid-command" // Error: Invalid command name
  | "parameters" // Error: Insufficient or too many parameters
  | "out-of-range" // Error: Parameter out of range
  | "illegal-keyword" // Error: Illegal keyword
  | "not-integer" // Error: Parameter must be an integer
  | "bad-ip" // Error: Unrecognized IP address parameter
  | "need-pp-select" // Error: Execute pp select command beforehand
  | "need-tunnel-select"; // tunnel-scoped command typed outside a tunnel (same wording class as pp)

/** Optional hardware and software a command family needs; a model without it answers `Invalid command name`. */
export type Feature =
  | "isdn" // BRI ports (CR ch. 6)
  | "analog" // analog telephone ports and the VoIP extension (NVR)
  | "usb"
  | "sd" // microSD slot
  | "wwan" // mobile internet over a USB modem or built-in LTE (CR ch. 44)
  | "lua" // CR ch. 46
  | "ospf" // CR ch. 28, 31
  | "bgp" // CR ch. 29
  | "switch" // the LAN switch controls: port mirroring, `lan type ... port-based-option` (CR §4.49-4.50)
  | "link-aggregation" // CR §4.51
  | "port-division" // LAN division `lanN.M` / `vlanN` (CR §1.3, ch. 38)
  | "l2ms" // switch management (CR ch. 48)
  | "dashboard" // CR ch. 55
  | "dpi"; // application control (CR ch. 52)

/** The interfaces a model has (CR §1.3): `lan1..lanN`, ports of lan1's switch, BRI, ONU, wireless. */
export interface Interfaces {
  lan: number;
  /** Ports of the switch on lan1 (LAN division `lan1.N` / `vlanN`, `lan1:N` ports); 0 without a switch. */
  switchPorts: number;
  bri: number;
  onu: number;
  wlan: number;
}

export interface ModelInfo {
  /** The model in lower case, e.g. "nvr510". */
  id: string;
  /** The optional features the model has (all when absent). */
  features?: readonly Feature[];
  /** The physical interfaces (any name accepted when absent). */
  interfaces?: Interfaces;
  /** Highest tunnel number accepted by `tunnel select`. */
  maxTunnel: number;
  /** Highest pp peer number. */
  maxPp: number;
  /** Whether `nat descriptor backward-compatibility` exists on this model. */
  hasBackwardCompatibility: boolean;
  /** Upper bound of `console columns` (80..200 when absent, the older firmware range). */
  maxConsoleColumns?: number;
  /** Whether `schedule at ID +TIMER ...` exists (assumed when absent). */
  hasScheduleTimer?: boolean;
  /** Whether MAP-E (`tunnel encapsulation map-e`, `tunnel map-e type`) exists (assumed when absent). */
  hasMapE?: boolean;
  /** Most addresses `ip pp remote address pool` takes (no limit when absent). */
  maxPoolAddresses?: number;
}

/** A configuration command that validated. */
export interface ConfigCommand {
  /** Canonical text as `show config` prints it, without indentation (e.g. `121=` rewritten to `classless_static_route=`). */
  canonical: string;
  /** Identifies the setting: re-entering the same key overwrites it, `no` + key arguments removes it. */
  key: string;
  /** Where it is stored (a pp/tunnel command typed in that context). */
  scope: Scope;
  /** Sort key for `show config` ordering within its scope (the router's fixed order, not input order). */
  order: readonly (string | number)[];
  /** 2 for the IPsec SA/IKE lines nested under `ipsec tunnel` in a tunnel block, else the scope's default. */
  nested: boolean;
  /** The clear secret `canonical` masks (the `login user` password), for the runtime's authentication only. */
  secret?: string;
}

export type GrammarResult =
  | { ok: true; negate: false; command: ConfigCommand }
  /** `no ...`: remove the setting with this key (the grammar resolves the key from the key arguments only). */
  | { ok: true; negate: true; key: string; scope: Scope }
  | { ok: false; error: GrammarError };

/**
 * Validates one configuration command line (not operational commands like `show`, `save`, `administrator`,
 * `pp select`, `tunnel select`, `quit`, `restart`, which the runtime handles).
 * Returns undefined when the first words are not a configuration command the grammar knows, so the runtime can try
 * its operational commands before answering `Invalid command name`.
 */
export type ParseConfigCommand = (
  text: string,
  context: SimContext,
  model: ModelInfo,
) => GrammarResult | undefined;
