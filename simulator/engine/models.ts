/**
 * The simulated router models: command-number limits the grammar enforces and the identity text the runtime prints
 * (login banner, `show config` header). Marks follow /work/shared/reference/yamaha-cli.md: [V] verified, [U] guessed.
 */
import type { Feature, ModelInfo } from "./grammar-contract";

export interface SimModel extends ModelInfo {
  /** Model name as the router prints it, e.g. `NVR510`. */
  name: string;
  /** Firmware revision without the `Rev.` prefix. */
  revision: string;
  /** Firmware build date in C ctime layout (space-padded day), as printed after the revision. */
  buildDate: string;
  /** Ethernet MAC addresses, one per LAN port, lower-case. */
  macs: readonly string[];
  /** How `# MAC Address :` lists them [V] yamaha-cli.md §7.1: a list, the old firmware's list with a trailing `,`
   * (RTX1100) or `, ` (RTX1500), or the RTX1300's `first - last` range. List when absent. */
  macLayout?: "list" | "list," | "list, " | "range";
  serial: string;
  /** Hardware revision printed as `ver=` in the `# main:` line. */
  hardwareVer: string;
  /** The memory/interface summary, e.g. `256Mbytes, 2LAN, 1ONU`. */
  memory: string;
  /** Concurrent L2TP/IPsec connections (rtpro L2TP/IPsec page). */
  maxL2tpIpsec: number;
  /** Upper bound of `console columns` (lower bound is always 80). */
  maxConsoleColumns: number;
  /** Whether `schedule at ID +TIMER ...` exists on this firmware. */
  hasScheduleTimer: boolean;
  /** Whether MAP-E (IPv4 over IPv6, v6plus) exists on this firmware. */
  hasMapE: boolean;
  limits: Limits;
}

/** Upper bounds of numbered settings (CR and data sheets; [U] where no source gives them). */
export interface Limits {
  /** Static IPv4 routes (`ip route`). */
  routes: number;
  /** IP filter definitions (`ip filter N`). */
  filters: number;
  /** NAT descriptors (`nat descriptor type N`). */
  natDescriptors: number;
}

type Identity = Pick<SimModel, "name" | "revision" | "buildDate" | "serial" | "hardwareVer" | "memory">;

/** Invented MAC addresses in YAMAHA's range, one per LAN port. */
function macs(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}:${String(i + 1).padStart(2, "0")}`);
}

const RTX_SOFTWARE: readonly Feature[] = [
  "usb",
  "wwan",
  "lua",
  "ospf",
  "bgp",
  "switch",
  "port-division",
  "l2ms",
];

type Settings = Omit<SimModel, keyof Identity | "id" | "macs" | "limits"> & {
  macPrefix: string;
  limits?: Limits;
};

/** Hardware revision `00` and the [U] default limits unless a model says otherwise. */
function model(
  id: string,
  identity: Omit<Identity, "hardwareVer"> & { hardwareVer?: string },
  rest: Settings,
): SimModel {
  const { macPrefix, ...settings } = rest;
  return {
    id,
    hardwareVer: "00",
    ...identity,
    macs: macs(macPrefix, settings.interfaces?.lan ?? 2),
    limits: { routes: 10000, filters: 1000, natDescriptors: 1000 }, // [U]
    ...settings,
  };
}

/** The NVR firmware line: PP numbers are unknown and kept at the RTX830 value so that plausible configs pass. */
const NVR = {
  maxPp: 30, // [U]
  maxConsoleColumns: 200, // [U]
  hasScheduleTimer: true, // [U]
} satisfies Partial<Settings>;

/** The NVR510 and NVR700W (Rev.15.0x): port saving, MAP-E, LAN1 4-port switch, LAN2 and an ONU port. */
const NVR_ONU = {
  ...NVR,
  hasBackwardCompatibility: true, // [V] seed: `nat descriptor backward-compatibility 1` is needed on the NVR510
  hasMapE: true, // seed: the NVR510 made port saving the default to support MAP-E
  interfaces: { lan: 2, switchPorts: 4, bri: 0, onu: 1, wlan: 0 },
  features: ["analog", "usb", "wwan", "lua", "switch", "port-division", "l2ms", "dashboard"], // [U] no OSPF/BGP
} satisfies Partial<Settings>;

/** The RTX firmware the CR covers (RTX830 Rev.15.02, RTX1210 Rev.14.01, RTX1220 Rev.15.04, RTX1300 Rev.23). */
const CURRENT_RTX = {
  maxConsoleColumns: 4096, // [V] CR §4.22: 80..200 only up to RTX830 Rev.15.02.13 / RTX1210 Rev.14.01.34
  hasBackwardCompatibility: true, // [V] CR §23.1
  hasScheduleTimer: true, // [V] CR §37.1: from RTX830 Rev.15.02.03 / RTX1210 Rev.14.01.41
  hasMapE: true, // [V] CR §14.14: from RTX830 Rev.15.02.10 / RTX1210 Rev.14.01.34 (RTX1210 dump)
} satisfies Partial<Settings>;

/** The RTX1210/RTX1220/RTX1300 generation: 100 tunnels (RTX1300 without YSL-VPN-EX2) and 100 PP. */
const RTX12X0 = {
  ...CURRENT_RTX,
  maxTunnel: 100, // [V] CR §15
  maxPp: 100, // [V] CR §1.6
  maxL2tpIpsec: 100,
} satisfies Partial<Settings>;

/** RTX firmware older than port saving, MAP-E and `schedule at +TIMER` (RTX1100/1500 Rev.8, RTX1200 Rev.10). */
const OLD_RTX = {
  maxConsoleColumns: 200, // [U]
  hasBackwardCompatibility: false, // [U] predates port saving
  hasScheduleTimer: false, // [U]
  hasMapE: false,
} satisfies Partial<Settings>;

/** The Rev.8 RTX1100/RTX1500. */
const REV8_RTX = {
  ...OLD_RTX,
  maxL2tpIpsec: 0, // [U] no L2TP/IPsec on Rev.8
  features: ["isdn", "ospf", "bgp", "switch", "port-division"], // [U]
} satisfies Partial<Settings>;

// [V] RTX ranges from CR §1.6/§15; NVR numbers are [U]: the seed notes say an NVR510 has four tunnels in all
// (one used by IPv4 over IPv6 leaves three for VPN), so tunnel numbers are taken as 1..4. MACs and serials are
// invented. Features: the CR's per-command model lists for the RTX it covers; for the NVR and the older RTX
// (RTX1100/1200/1500), which it does not cover, the product data sheets as remembered [U]. CR model lists used: link
// aggregation §4.51, Lua §46.1, OSPF/BGP §28.2/§29.1, mobile §44.1, DPI §52.1, dashboard §55.1.
export const MODELS: Readonly<Record<string, SimModel>> = {
  nvr510: model(
    "nvr510",
    {
      name: "NVR510",
      revision: "15.01.21",
      buildDate: "Thu Nov 10 17:02:24 2022", // [U]
      serial: "S5N000001",
      memory: "256Mbytes, 2LAN, 1ONU", // [V] NVR510 dump quoted in yamaha-cli.md §7.1
    },
    // LAN1 4-port switch, LAN2, ONU, 2 TEL
    {
      ...NVR_ONU,
      macPrefix: "00:a0:de:51:00",
      maxTunnel: 4,
      maxL2tpIpsec: 4, // [V] rtpro, Rev.15.01.03+
    },
  ),
  nvr500: model(
    "nvr500",
    {
      name: "NVR500",
      revision: "11.00.41",
      buildDate: "Tue Mar 15 16:40:30 2022", // [U]
      serial: "S5D000001",
      memory: "128Mbytes, 2LAN, 1BRI", // [U]
    },
    {
      ...NVR,
      macPrefix: "00:a0:de:50:00",
      maxTunnel: 4,
      maxL2tpIpsec: 4, // [V] rtpro, Rev.11.00.36+
      hasBackwardCompatibility: false, // seed: the NVR500 has no port saving, so the command does not exist
      hasMapE: false, // [U] seed: MAP-E support is what sets the NVR510 apart
      interfaces: { lan: 2, switchPorts: 4, bri: 1, onu: 0, wlan: 0 }, // LAN1 4-port switch, LAN2, BRI (S/T), 2 TEL
      features: ["isdn", "analog", "usb", "wwan", "lua", "switch", "port-division"], // [U]
    },
  ),
  nvr700w: model(
    "nvr700w",
    {
      name: "NVR700W",
      revision: "15.00.24", // [U]
      buildDate: "Wed Jun 21 18:17:23 2023", // [U]
      serial: "S5W000001",
      memory: "256Mbytes, 2LAN, 1ONU", // [U]
    },
    // [U] the NVR510's firmware line; LAN1 switch, LAN2, ONU, built-in LTE, TEL
    {
      ...NVR_ONU,
      macPrefix: "00:a0:de:70:00",
      maxTunnel: 20, // [U] rtpro: 20 L2TP/IPsec connections
      maxL2tpIpsec: 20, // [V] rtpro L2TP/IPsec page
    },
  ),
  rtx830: model(
    "rtx830",
    {
      name: "RTX830",
      revision: "15.02.17",
      buildDate: "Fri Jul 10 09:59:21 2020", // [V] dump
      serial: "S4K000001",
      memory: "256Mbytes, 2LAN", // [V] dump
    },
    {
      ...CURRENT_RTX,
      macPrefix: "ac:44:f2:83:00",
      maxTunnel: 20, // [V] CR §15 (without YSL-VPN-EX1)
      maxPp: 30, // [V] CR §1.6
      maxL2tpIpsec: 20,
      maxPoolAddresses: 32, // [V] CR §8.2.2
      interfaces: { lan: 2, switchPorts: 4, bri: 0, onu: 0, wlan: 0 },
      features: [...RTX_SOFTWARE, "dashboard", "dpi"],
    },
  ),
  // The CR's newest small RTX; only it takes LBO application names in filters (CR §8.1.10, ch. 54). Its hardware
  // is not in the CR: the RTX830's layout is assumed [U].
  rtx840: model(
    "rtx840",
    {
      name: "RTX840",
      revision: "23.02.02", // [U] the CR edition's revision
      buildDate: "Tue Oct 15 10:00:00 2024", // [U]
      serial: "S8A000001", // [U]
      memory: "1024Mbytes, 2LAN", // [U]
    },
    {
      ...CURRENT_RTX,
      macPrefix: "ac:44:f2:84:00",
      maxTunnel: 20, // [U] as the RTX830 without YSL-VPN-EX1
      maxPp: 30, // [V] CR §1.6
      maxL2tpIpsec: 20, // [U]
      maxPoolAddresses: 32, // [U] as the RTX830
      interfaces: { lan: 2, switchPorts: 4, bri: 0, onu: 0, wlan: 0 }, // [U]
      features: [...RTX_SOFTWARE, "dashboard", "dpi"], // CR §44.1, §46.1, §48.1.1, §52.1, §55.1
    },
  ),
  rtx1100: model(
    "rtx1100",
    {
      name: "RTX1100",
      revision: "8.03.92",
      buildDate: "Thu Feb 16 20:50:25 2012", // [V] dump
      serial: "N1A000001",
      hardwareVer: "f0", // [V] dump
      memory: "32Mbytes, 3LAN, 1BRI", // [V] dump
    },
    {
      ...REV8_RTX,
      macPrefix: "00:a0:de:11:00",
      macLayout: "list,", // [V] dump
      maxTunnel: 30, // [U]
      maxPp: 30, // [U]
      interfaces: { lan: 3, switchPorts: 4, bri: 1, onu: 0, wlan: 0 },
    },
  ),
  rtx1200: model(
    "rtx1200",
    {
      name: "RTX1200",
      revision: "10.01.78", // [U]
      buildDate: "Tue Jul 12 13:59:36 2016", // [U]
      serial: "S1A000001",
      memory: "128Mbytes, 3LAN, 1BRI", // [U]
    },
    {
      ...OLD_RTX,
      macPrefix: "00:a0:de:12:00",
      maxTunnel: 100, // [U]
      maxPp: 100, // [U]
      maxL2tpIpsec: 100, // [V] rtpro L2TP/IPsec page
      interfaces: { lan: 3, switchPorts: 8, bri: 1, onu: 0, wlan: 0 },
      features: ["isdn", ...RTX_SOFTWARE], // [U]
    },
  ),
  rtx1210: model(
    "rtx1210",
    {
      name: "RTX1210",
      revision: "14.01.42",
      buildDate: "Fri Jul  5 11:17:45 2024", // [V] dump
      serial: "S3K000001",
      memory: "256Mbytes, 3LAN, 1BRI", // [V] dump
    },
    {
      ...RTX12X0,
      macPrefix: "00:a0:de:12:10",
      maxPoolAddresses: 103, // [V] CR §8.2.2
      interfaces: { lan: 3, switchPorts: 8, bri: 1, onu: 0, wlan: 0 }, // [V] CR §1.3: bri1 on the RTX1210
      features: ["isdn", "sd", ...RTX_SOFTWARE, "link-aggregation", "dashboard"],
    },
  ),
  rtx1220: model(
    "rtx1220",
    {
      name: "RTX1220",
      revision: "15.04.07", // [V] CR covers Rev.15.04.07
      buildDate: "Mon Sep  9 10:32:18 2024", // [U]
      serial: "S6A000001",
      memory: "256Mbytes, 3LAN", // [V] yamaha-cli.md §7.1
    },
    {
      ...RTX12X0,
      macPrefix: "00:a0:de:12:20",
      maxPoolAddresses: 101, // [V] CR §8.2.2
      interfaces: { lan: 3, switchPorts: 8, bri: 0, onu: 0, wlan: 0 },
      features: ["sd", ...RTX_SOFTWARE, "link-aggregation"],
    },
  ),
  rtx1300: model(
    "rtx1300",
    {
      name: "RTX1300",
      revision: "23.00.17", // [V] CR covers Rev.23.00.17
      buildDate: "Thu Apr 18 15:21:40 2024", // [U]
      serial: "S7A000001",
      memory: "1024Mbytes, 8LAN", // [V] yamaha-cli.md §7.1
    },
    {
      ...RTX12X0,
      macPrefix: "ac:44:f2:b6:86",
      macLayout: "range", // [V] yamaha-cli.md §7.1
      maxPoolAddresses: 101, // [V] CR §8.2.2
      // [V] CR §1.3: no LAN division (lanN.M / vlanN) on the RTX1300.
      interfaces: { lan: 8, switchPorts: 8, bri: 0, onu: 0, wlan: 0 },
      features: ["sd", "usb", "wwan", "lua", "ospf", "bgp", "switch", "link-aggregation", "l2ms", "dpi"],
    },
  ),
  rtx1500: model(
    "rtx1500",
    {
      name: "RTX1500",
      revision: "8.03.90",
      buildDate: "Fri Jun 25 10:31:59 2010", // [V] dump
      serial: "N0Y000001",
      hardwareVer: "d0", // [V] dump
      memory: "128Mbytes, 3LAN, 2BRI", // [V] dump
    },
    {
      ...REV8_RTX,
      macPrefix: "00:a0:de:15:00",
      macLayout: "list, ", // [V] dump
      maxTunnel: 100, // [U]
      maxPp: 100, // [U]
      interfaces: { lan: 3, switchPorts: 4, bri: 2, onu: 0, wlan: 0 },
    },
  ),
  rtx5000: model(
    "rtx5000",
    {
      name: "RTX5000",
      revision: "14.00.34", // [V] CR covers Rev.14.00.34
      buildDate: "Tue Nov 14 19:03:47 2023", // [U]
      serial: "S2A000001",
      memory: "2048Mbytes, 14LAN", // [U]
    },
    {
      macPrefix: "00:a0:de:5a:00",
      maxTunnel: 3000, // [V] CR §15
      maxPp: 150, // [V] CR §1.6
      maxL2tpIpsec: 3000,
      maxConsoleColumns: 200, // [V] yamaha-cli.md §5 (CR §4.22)
      hasBackwardCompatibility: true, // [V] CR §23.1 (default 1 on the RTX5000)
      hasScheduleTimer: false, // [U]
      hasMapE: false, // [U]
      interfaces: { lan: 14, switchPorts: 0, bri: 0, onu: 0, wlan: 0 }, // [U] no switch; BRI modules not simulated
      features: ["usb", "sd", "lua", "ospf", "bgp", "link-aggregation"], // [U] except CR §4.51
      limits: { routes: 100000, filters: 10000, natDescriptors: 10000 }, // [U]
    },
  ),
};

/** The model for a name in any case (`NVR510`, `rtx1210`), or undefined. */
export function modelNamed(name: string): SimModel | undefined {
  return MODELS[name.toLowerCase()];
}

function macAddressList(model: SimModel): string {
  const list = model.macs.join(", ");
  switch (model.macLayout ?? "list") {
    case "range":
      return `${model.macs[0]} - ${model.macs[model.macs.length - 1]}`;
    case "list,":
      return `${list},`;
    case "list, ":
      return `${list}, `;
    default:
      return list;
  }
}

/** The `show config` header lines before `# Reporting Date:` (the runtime adds that line and wraps long lines). */
export function configHeaderLines(model: SimModel): string[] {
  const macList = model.macs.map((mac) => `MAC-Address=${mac}`).join(" ");
  return [
    `# ${model.name} Rev.${model.revision} (${model.buildDate})`,
    `# MAC Address : ${macAddressList(model)}`,
    `# Memory ${model.memory}`,
    `# main:  ${model.name} ver=${model.hardwareVer} serial=${model.serial} ${macList}`,
  ];
}

/** The login banner (yamaha-cli.md §1.3), without the factory-password warning the runtime adds when it applies. */
export function bannerLines(model: SimModel): string[] {
  const year = model.buildDate.slice(-4);
  return [
    "",
    `${model.name} Rev.${model.revision} (${model.buildDate})`,
    `Copyright (c) 1994-${year} Yamaha Corporation. All Rights Reserved.`,
    "To display the software copyright statement, use 'show copyright' command.",
    model.macs.join(", "),
    `Memory ${model.memory}`,
    "",
  ];
}
