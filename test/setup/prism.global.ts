// Starts the mocks (billing-usage/mock: one Prism per spec behind its front) once for the whole run,
// and always stops them, whatever the tests did.
import type { TestProject } from "vitest/node";
import { startMocks } from "../../src/mock/index";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the mock for each API named in redocly.yaml. */
    prismUrls: Record<string, string>;
  }
}

export default async function startSuiteMocks(project: TestProject): Promise<() => Promise<void>> {
  const mocks = await startMocks();
  project.provide("prismUrls", { prolifi: mocks.prolifi.baseUrl, "paypal-billing": mocks.paypal.baseUrl });
  return mocks.stop;
}
