// The error raised when a mapped task cannot be expanded or resolved at run time.
import { UpdraftError } from "./errors";

/** A mapped input is not a list, or a map index is out of range. */
export class MappingError extends UpdraftError<"MAPPING_ERROR"> {
  constructor(message: string) {
    super("MAPPING_ERROR", message);
  }
}
