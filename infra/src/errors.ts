/** Stable codes of the errors this package throws while building the stack. */
export type UpdraftInfraErrorCode = "INVALID_STACK_PROPS";

/**
 * A stack property that cannot describe a working deployment. Thrown at synthesis, before
 * CloudFormation sees anything, so `cdk synth` fails with the property's name.
 */
export class UpdraftInfraError extends Error {
  override readonly name = "UpdraftInfraError";

  constructor(
    readonly code: UpdraftInfraErrorCode,
    /** The `UpdraftStackProps` field at fault, e.g. `workerMinCount`. */
    readonly prop: string,
    message: string,
  ) {
    super(`${prop}: ${message}`);
  }
}
