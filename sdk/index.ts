/** pulumi-yamaha-nvr: YAMAHA NVR/RTX router configuration as Pulumi resources. */
export { type RouterArgs, type CommonArgs, NvrResource } from "./resource";
export {
  NatDescriptor,
  type NatDescriptorArgs,
  type NatStaticArgs,
  type NatMasqueradeStaticArgs,
  type NatMasqueradeIncomingArgs,
} from "./nat-descriptor";
