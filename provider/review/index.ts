/** Review of a change before it is applied: the config after a command list, its NVR-line diff, import generation. */
export { applyCommands } from "../config/write";
export { configDiff, reviewText, type ConfigDiff } from "./diff";
export { formatReview, type ReviewFormat } from "./format";
export {
  generateProgram,
  type ImportOptions,
  type ImportResult,
  type ImportedResource,
  type SecretSource,
  type Unexpressed,
  type Unreadable,
} from "./import";
export {
  review,
  type Claim,
  type ClaimResult,
  type DeclaredResource,
  type ReachClaim,
  type ResourcePlan,
  type ReviewFinding,
  type ReviewInput,
  type ReviewReport,
  type TraceClaim,
} from "./review";
