/** Latency profiles the simulator runs under: what a real router costs per handshake, command and save. */
export interface Profile {
  name: string;
  /** Delay before the SSH handshake starts (the router's CPU doing key exchange). */
  handshakeMs: number;
  /** Delay before each command is executed (one round trip). */
  roundTripMs: number;
  /** Delay before `save` reports done (writing flash), on top of its round trip. */
  saveMs: number;
}

export const PROFILES: Readonly<Record<string, Profile>> = {
  // NVR500-class hardware, as issue 8 specifies it.
  nvr500: { name: "nvr500", handshakeMs: 1500, roundTripMs: 40, saveMs: 2000 },
  zero: { name: "zero", handshakeMs: 0, roundTripMs: 0, saveMs: 0 },
};

export function profileNamed(name: string): Profile {
  const profile = PROFILES[name];
  if (!profile)
    throw new Error(`--profile: unknown profile "${name}" (expected ${Object.keys(PROFILES).join(", ")})`);
  return profile;
}

/** The simulator options that impose a profile. */
export function simulatorLatency(p: Profile): {
  latencyMs: number;
  handshakeDelayMs: number;
  saveDelayMs: number;
} {
  return { latencyMs: p.roundTripMs, handshakeDelayMs: p.handshakeMs, saveDelayMs: p.saveMs };
}
