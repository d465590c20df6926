import { BillingUsageError } from "../core/errors";

/** Why the mocks could not start. */
export type MockServerErrorCode = "PORT_IN_USE" | "LISTEN_FAILED" | "PRISM_NOT_INSTALLED" | "PRISM_FAILED";

/** The mocks could not start; `code` says why, the message what to do about it. */
export class MockServerError extends BillingUsageError {
  override name = "MockServerError";
  /** Why they could not start. */
  readonly code: MockServerErrorCode;

  constructor(code: MockServerErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
