// The LISTEN/NOTIFY channel that wakes the notification dispatcher when a notification is
// recorded (delivered once the recording transaction commits).

/** The channel the notification dispatcher listens on. */
export const NOTIFICATIONS_CHANNEL = "updraft_notifications";
