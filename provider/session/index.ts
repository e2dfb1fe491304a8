/** The session layer's public face: one shared Router per router per process. */
export { routerAddress, routerFor, routerKey, sshPort } from "./router";
export type { ApplyOptions, ApplyResult, PlanSource, Router, RouterConnection, RouterStats } from "./router";
export {
  AuthError,
  CommandError,
  ConnectionLostError,
  HostKeyError,
  RouterError,
  TimeoutError,
  VerifyError,
  UnsavedChangesError,
} from "../errors";
export { fingerprint } from "./hostkey";
