// Starts the package's mocks of both APIs once for the whole test run, and stops them after it:
// Prism on each spec (checking every request against it), PayPal's past usage paged by page/per_page.
import { startMocks } from "billing-usage/mock";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    prolifiBaseUrl: string;
    paypalBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mocks = await startMocks();
  project.provide("prolifiBaseUrl", mocks.prolifi.baseUrl);
  project.provide("paypalBaseUrl", mocks.paypal.baseUrl);
  return () => mocks.stop();
}
