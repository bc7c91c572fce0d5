export { UpdraftStack } from "./updraftStack";
export {
  type UpdraftStackProps,
  type ResolvedStackProps,
  DEFAULT_CONNECTIONS,
  resolveStackProps,
} from "./stackProps";
export type { UpdraftImage, UpdraftImageAsset, UpdraftEcrImage } from "./containerImage";
export { UpdraftInfraError, type UpdraftInfraErrorCode } from "./errors";
export {
  UPDRAFT_METRIC_NAMESPACE,
  QUEUE_DEPTH_METRIC_NAME,
  QUEUE_DEPTH_DIMENSIONS,
  QUEUE_DEPTH_PERIOD,
  queueDepthMetric,
} from "./queueDepthMetric";
export { API_HEALTH_CHECK_PATH, API_PORT } from "./apiLoadBalancer";
export { CONNECTION_PLACEHOLDER } from "./appSecrets";
