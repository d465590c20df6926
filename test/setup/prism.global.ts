// Starts one Prism per spec for the whole run and always stops it, whatever the tests did.
import type { TestProject } from "vitest/node";
import { listApis } from "../../scripts/lib/apis.mjs";
import { startPrism } from "../../scripts/lib/prism.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock for each API named in redocly.yaml. */
    prismUrls: Record<string, string>;
  }
}

export default async function startMocks(project: TestProject): Promise<() => Promise<void>> {
  const apis = Object.entries(listApis());
  const started = await Promise.allSettled(apis.map(([, api]) => startPrism(api.spec)));
  const stopAll = async () => {
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
  };
  const failure = started.find((s) => s.status === "rejected");
  if (failure) {
    await stopAll();
    throw failure.reason;
  }
  const urls: Record<string, string> = {};
  apis.forEach(([name], i) => {
    const s = started[i];
    if (s?.status === "fulfilled") urls[name] = s.value.url;
  });
  project.provide("prismUrls", urls);
  return stopAll;
}
