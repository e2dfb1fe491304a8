/**
 * The simulated router models: command-number limits the grammar enforces and the identity text the runtime prints
 * (login banner, `show config` header). Marks follow /work/shared/reference/yamaha-cli.md: [V] verified, [U] guessed.
 */
import type { ModelInfo } from "./grammar-contract";

export interface SimModel extends ModelInfo {
  /** Model name as the router prints it, e.g. `NVR510`. */
  name: string;
  /** Firmware revision without the `Rev.` prefix. */
  revision: string;
  /** Firmware build date in C ctime layout (space-padded day), as printed after the revision. */
  buildDate: string;
  /** Ethernet MAC addresses, one per LAN port, lower-case. */
  macs: readonly string[];
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
}

// [V] RTX ranges from CR §1.6/§15; NVR numbers are [U]: the seed notes say an NVR510 has four tunnels in all
// (one used by IPv4 over IPv6 leaves three for VPN), so tunnel numbers are taken as 1..4; PP numbers are unknown and
// kept at the RTX830 value so that plausible configs are not rejected. MACs and serials are invented.
export const MODELS: Readonly<Record<string, SimModel>> = {
  nvr510: {
    id: "nvr510",
    name: "NVR510",
    revision: "15.01.21",
    buildDate: "Thu Nov 10 17:02:24 2022", // [U]
    macs: ["00:a0:de:51:00:01", "00:a0:de:51:00:02"],
    serial: "S5N000001",
    hardwareVer: "00",
    memory: "256Mbytes, 2LAN, 1ONU", // [V] NVR510 dump quoted in yamaha-cli.md §7.1
    maxTunnel: 4,
    maxPp: 30,
    maxL2tpIpsec: 4, // [V] rtpro, Rev.15.01.03+
    maxConsoleColumns: 200, // [U]
    hasBackwardCompatibility: true, // [V] seed: `nat descriptor backward-compatibility 1` is needed on the NVR510
    hasScheduleTimer: true, // [U]
    hasMapE: true, // seed: the NVR510 made port saving the default to support MAP-E
  },
  nvr500: {
    id: "nvr500",
    name: "NVR500",
    revision: "11.00.41",
    buildDate: "Tue Mar 15 16:40:30 2022", // [U]
    macs: ["00:a0:de:50:00:01", "00:a0:de:50:00:02"],
    serial: "S5D000001",
    hardwareVer: "00",
    memory: "128Mbytes, 2LAN, 1BRI", // [U]
    maxTunnel: 4,
    maxPp: 30,
    maxL2tpIpsec: 4, // [V] rtpro, Rev.11.00.36+
    maxConsoleColumns: 200, // [U]
    hasBackwardCompatibility: false, // seed: the NVR500 has no port saving, so the command does not exist
    hasScheduleTimer: true, // [U]
    hasMapE: false, // [U] seed: MAP-E support is what sets the NVR510 apart
  },
  rtx830: {
    id: "rtx830",
    name: "RTX830",
    revision: "15.02.17",
    buildDate: "Fri Jul 10 09:59:21 2020", // [V] dump
    macs: ["ac:44:f2:83:00:01", "ac:44:f2:83:00:02"],
    serial: "S4K000001",
    hardwareVer: "00",
    memory: "256Mbytes, 2LAN", // [V] dump
    maxTunnel: 20, // [V] CR §15 (without YSL-VPN-EX1)
    maxPp: 30, // [V] CR §1.6
    maxL2tpIpsec: 20,
    maxConsoleColumns: 4096, // [V] CR §4.22: 80..200 only up to Rev.15.02.13
    hasBackwardCompatibility: true, // [V] CR §23.1
    hasScheduleTimer: true, // [V] CR §37.1: from Rev.15.02.03
    hasMapE: true, // [V] CR §14.14: from Rev.15.02.10
    maxPoolAddresses: 32, // [V] CR §8.2.2
  },
  rtx1210: {
    id: "rtx1210",
    name: "RTX1210",
    revision: "14.01.42",
    buildDate: "Fri Jul  5 11:17:45 2024", // [V] dump
    macs: ["00:a0:de:12:10:01", "00:a0:de:12:10:02", "00:a0:de:12:10:03"],
    serial: "S3K000001",
    hardwareVer: "00",
    memory: "256Mbytes, 3LAN, 1BRI", // [V] dump
    maxTunnel: 100, // [V] CR §15
    maxPp: 100, // [V] CR §1.6
    maxL2tpIpsec: 100,
    maxConsoleColumns: 4096, // [V] CR §4.22: 80..200 only up to Rev.14.01.34
    hasBackwardCompatibility: true, // [V] CR §23.1
    hasScheduleTimer: true, // [V] CR §37.1: from Rev.14.01.41
    hasMapE: true, // [V] CR §14.14: from Rev.14.01.34; dump
    maxPoolAddresses: 103, // [V] CR §8.2.2
  },
};

/** The `show config` header lines before `# Reporting Date:` (the runtime adds that line and wraps long lines). */
export function configHeaderLines(model: SimModel): string[] {
  const macList = model.macs.map((mac) => `MAC-Address=${mac}`).join(" ");
  return [
    `# ${model.name} Rev.${model.revision} (${model.buildDate})`,
    `# MAC Address : ${model.macs.join(", ")}`,
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
