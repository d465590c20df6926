// What runtime we are in, asked without touching anything that may not exist there.

/** An environment variable, trimmed; `undefined` where there is no `process` (browsers, workers). */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value === "" ? undefined : value;
}

/**
 * A browser page (`window` with a `document`, plus `navigator`, as jsdom provides too) or a web
 * worker. Deno, Bun and Node without those globals are servers.
 */
export function isBrowserLike(): boolean {
  const g = globalThis as {
    window?: { document?: unknown };
    navigator?: unknown;
    WorkerGlobalScope?: unknown;
    importScripts?: unknown;
  };
  const page =
    typeof g.window === "object" &&
    g.window !== null &&
    typeof g.window.document === "object" &&
    typeof g.navigator === "object";
  const worker = typeof g.WorkerGlobalScope === "function" && typeof g.importScripts === "function";
  return page || worker;
}
