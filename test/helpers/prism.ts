// Talking to the Prism mocks from tests. Every response Prism gives is checked for
// `sl-violations` (Prism's report that a request or response broke the spec); a test that meets
// one fails, unless it asked for violations on purpose with `expectViolations`.
import { inject } from "vitest";

const unexpectedViolations: string[] = [];

export function prismUrl(api: "prolifi" | "paypal-billing"): string {
  const url = inject("prismUrls")[api];
  if (!url) throw new Error(`no Prism mock for ${api}`);
  return url;
}

/** Violations seen since the last call; the setup file fails the test when any are left. */
export function takeUnexpectedViolations(): string[] {
  return unexpectedViolations.splice(0);
}

function describeViolations(request: Request, header: string): string {
  return `${request.method} ${new URL(request.url).pathname}: ${header}`;
}

/** A `fetch` for clients under test: records any `sl-violations` Prism reports. */
export const prismFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await fetch(request);
  const violations = response.headers.get("sl-violations");
  if (violations) unexpectedViolations.push(describeViolations(request, violations));
  return response;
};

export interface Violation {
  location: string[];
  code: string | number;
  message: string;
}

/** Parses the `sl-violations` header of a response that was meant to break the spec. */
export function expectViolations(response: Response): Violation[] {
  const header = response.headers.get("sl-violations");
  if (!header) throw new Error(`expected sl-violations on ${response.status} ${response.url}, found none`);
  return JSON.parse(header) as Violation[];
}
