/**
 * Device identity text the runtime prints besides what models.ts provides: the reporting date and
 * `show environment`.
 */
import type { SimModel } from "./models";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const two = (n: number): string => String(n).padStart(2, "0");

/** `Mon D HH:MM:SS YYYY` with an unpadded day, as `# Reporting Date:` prints it. */
export function reportingDate(now: Date): string {
  const time = `${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`;
  return `${MONTHS[now.getMonth()]} ${now.getDate()} ${time} ${now.getFullYear()}`;
}

/** Models whose firmware offers public-key login (yamaha-cli.md §1.1: the NVR500 is password only). */
export function hasPublicKeyAuth(model: SimModel): boolean {
  return model.id !== "nvr500";
}

/** CR §23.1: 2 on every model in scope (1 only on RTX5000/3500). */
export const BACKWARD_COMPATIBILITY_DEFAULT = 2;

export interface EnvironmentFacts {
  bootTime: Date;
  now: Date;
  /** The `nat descriptor backward-compatibility` value the running firmware uses (set at boot), if the model has it. */
  backwardCompatibility?: { effective: number; configured: number };
}

/**
 * `show environment` in the RTX1210 fixture layout (yamaha-cli.md §10), plus one simulator line reporting the
 * backward-compatibility value in effect, since a change only applies after `restart`.
 */
export function environmentLines(model: SimModel, facts: EnvironmentFacts): string[] {
  const macList = model.macs.map((mac) => `MAC-Address=${mac}`).join(" ");
  const up = Math.max(0, Math.floor((facts.now.getTime() - facts.bootTime.getTime()) / 1000));
  const lines = [
    `${model.name} BootROM Ver. 1.00`,
    `${model.name} FlashROM Table Ver. 1.00`,
    `${model.name} Rev.${model.revision} (${model.buildDate})`,
    `  main:  ${model.name} ver=${model.hardwareVer} serial=${model.serial} ${macList}`,
    "CPU:   1%(5sec)   1%(1min)   1%(5min)    Memory:  21% used",
    "Firmware: exec0  Config. file: config0",
    "Default firmware: exec0  Default config. file: config0",
    "Serial Baudrate: 9600",
    `Boot time: ${reportingDate(facts.bootTime)}`,
    `Current time: ${reportingDate(facts.now)}`,
    `Elapsed time from boot: ${Math.floor(up / 86400)}days ${two(Math.floor(up / 3600) % 24)}:${two(Math.floor(up / 60) % 60)}:${two(up % 60)}`,
  ];
  if (facts.backwardCompatibility) {
    const { effective, configured } = facts.backwardCompatibility;
    const pending = effective === configured ? "" : ` (configured ${configured}, restart to apply)`;
    lines.push(`NAT backward-compatibility: ${effective}${pending}`);
  }
  return lines;
}
