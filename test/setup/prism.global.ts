// Starts one Prism per spec for the whole run and always stops it, whatever the tests did.
import type { TestProject } from "vitest/node";
import { startPrisms } from "../../scripts/lib/prism.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock for each API named in redocly.yaml. */
    prismUrls: Record<string, string>;
  }
}

export default async function startMocks(project: TestProject): Promise<() => Promise<void>> {
  const { mocks, stop } = await startPrisms();
  project.provide("prismUrls", Object.fromEntries(Object.entries(mocks).map(([name, mock]) => [name, mock.url])));
  return stop;
}
