// The rejection a failed send must end in, for the transport tests.
import { NotificationDeliveryError } from "../src/errors";

/** The rejection of `promise`, failing the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<NotificationDeliveryError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NotificationDeliveryError);
    return error as NotificationDeliveryError;
  }
  throw new Error("expected the send to reject");
}
