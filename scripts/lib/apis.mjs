// The APIs this package describes, as redocly.yaml lists them: the one place that says which
// spec belongs to which generated file.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** @returns {Record<string, { spec: string, types: string, meta: string, mock: string }>} paths relative to the project root */
export function listApis() {
  const { apis } = parse(readFileSync(`${projectRoot}redocly.yaml`, "utf8"));
  return Object.fromEntries(
    Object.entries(apis).map(([name, api]) => {
      const types = api["x-openapi-ts"].output;
      return [
        name,
        { spec: api.root, types, meta: types.replace(/\.ts$/, ".meta.ts"), mock: types.replace(/\.ts$/, ".mock.ts") },
      ];
    }),
  );
}
