export type { AlertEvent, AlertFacts } from "./alertFacts";

// Errors
export {
  InvalidAlertRulesError,
  InvalidNotifyConfigError,
  NotificationDeliveryError,
} from "./errors";
export type { DeliveryChannel, DeliveryFailure, NotifyErrorCode } from "./errors";

// Message formats
export { EMAIL_SUBJECT_PREFIX, formatEmail } from "./format/emailMessage";
export type { EmailContent } from "./format/emailMessage";
export { formatSlack, SLACK_COLORS, SLACK_LIMITS } from "./format/slackMessage";
export type { SlackMessage } from "./format/slackMessage";
export { formatDuration } from "./format/formatDuration";

// Transports
export { createSmtpTransport } from "./transports/smtpTransport";
export type {
  OutgoingEmail,
  SmtpTransport,
  SmtpTransportOptions,
} from "./transports/smtpTransport";
export {
  AIRFLOW_CONFIG_SMTP_CONN_ID,
  smtpConnectionFromAirflowConfig,
} from "./transports/smtpConnectionFromAirflowConfig";
export { createSlackWebhookTransport } from "./transports/slackWebhookTransport";
export type {
  SlackWebhookTransport,
  SlackWebhookTransportOptions,
} from "./transports/slackWebhookTransport";

// Routing
export { ALERT_RULES_SOURCE, alertRulesSchema, parseAlertRules, routeAlert } from "./alertRules";
export type { AlertRouteInput, AlertRule, AlertRuleEvent, AlertRuleMatch } from "./alertRules";

// Notifiers, recording and the outbox dispatcher
export { BaseNotifier, SlackWebhookNotifier, SmtpNotifier } from "./notifiers";
export type { SlackWebhookNotifierOptions, SmtpNotifierOptions } from "./notifiers";
export { recordAlerts } from "./recordAlerts";
export { taskAlertFacts } from "./taskAlertFacts";
export type { TryAlertInput } from "./taskAlertFacts";
export type { RecordAlertsInput } from "./recordAlerts";
export { NotificationDispatcher } from "./notificationDispatcher";
export type {
  DispatcherLogger,
  DispatchReport,
  NotificationDeliveryEvent,
  NotificationDispatcherOptions,
} from "./notificationDispatcher";
