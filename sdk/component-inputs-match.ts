/**
 * Compile-time proof that each VPN component's argument type (hand-written, to carry its TSDoc and accept
 * `pulumi.Input` everywhere) says exactly what its design's zod shape accepts once the Pulumi wrappers are taken
 * off: the build fails when an input is added, removed or retyped on one side only.
 */
import type { DistinctPoolVpnInputs, OverlapSafeVpnInputs, PpAnonymousNatVpnInputs } from "../provider/vpn";
import type { DistinctPoolVpnArgs } from "./distinct-pool-vpn";
import type { Same } from "./inputs-match";
import type { OverlapSafeVpnArgs, VpnArgs, VpnComponentArgs } from "./overlap-safe-vpn";
import type { PpAnonymousNatVpnArgs } from "./pp-anonymous-nat-vpn";

/** A component's design inputs as its arguments give them: without the connection and adopt flag. */
type DesignArgs<Args extends VpnComponentArgs> = Omit<Args, "router" | "adopt" | "vpn"> & { vpn: VpnArgs };

/** Every entry must be `true`; a mismatch shows both sides in the compiler's error. */
export type ComponentInputsMatchShapes = {
  OverlapSafeVpn: Same<DesignArgs<OverlapSafeVpnArgs>, OverlapSafeVpnInputs>;
  DistinctPoolVpn: Same<DesignArgs<DistinctPoolVpnArgs>, DistinctPoolVpnInputs>;
  PpAnonymousNatVpn: Same<DesignArgs<PpAnonymousNatVpnArgs>, PpAnonymousNatVpnInputs>;
};

const everyComponentMatches: Record<keyof ComponentInputsMatchShapes, true> =
  {} as ComponentInputsMatchShapes;
void everyComponentMatches;
