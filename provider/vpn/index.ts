/** VPN designs: inputs → the child resources' args, validation, the masked command script, client settings. */
export { designOverlapSafeVpn, type ClientSettings, type PublishedHost, type VpnDesign } from "./design";
export { type OverlapSafeVpnInputs, MODELS, type RouterModel } from "./inputs";
export { VpnDesignError } from "../errors";
export { type DesignedResource, checkServer, preSharedKeyWarning } from "./shared";
export {
  designDistinctPoolVpn,
  designPpAnonymousNatVpn,
  type DistinctPoolVpnInputs,
  type FixDesign,
  type PpAnonymousNatVpnInputs,
} from "./fixes";
