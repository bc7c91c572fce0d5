// The one error the dealership source code throws itself: an option out of range (a bad count,
// rate, ratio or schema name). Database errors pass through as pg raises them.
import { UpdraftError } from "@updraft/sdk";

/** A caller passed an option the source code cannot honour; the message names it. */
export class SourceOptionError extends UpdraftError<"INVALID_SOURCE_OPTION"> {
  constructor(message: string) {
    super("INVALID_SOURCE_OPTION", message);
  }
}
