/**
 * Ipv6SecureFilter: the IPv6 filter lists one interface applies (CR §30.7.2), `ipv6 lan2 secure filter in|out [LIST]
 * [dynamic LIST]` at the top level, `ipv6 pp secure filter ...` in `pp select N`, `ipv6 tunnel secure filter ...` in
 * `tunnel select N`. Identity "ipv6 secure filter lan2". SecureFilter's lines under `ipv6`; the only way the
 * provider expresses them.
 */
import { secureFilterKind } from "./secure-filter";

export const Ipv6SecureFilter = secureFilterKind("ipv6");
