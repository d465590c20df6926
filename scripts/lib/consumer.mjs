// Packs the built package and installs the tarball into a fresh copy of the consumer fixture,
// the way a user's project gets it. Shared by the pack test and the runtime matrix.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./apis.mjs";

const run = promisify(execFile);

/**
 * `npm pack` of the built package into `destination`.
 * @returns {Promise<{ tarball: string, filename: string, files: string[] }>} the tarball's path, its
 *   file name, and the paths it holds
 */
export async function packPackage(destination) {
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", destination], { cwd: projectRoot });
  const [packed] = JSON.parse(stdout);
  return {
    tarball: join(destination, packed.filename),
    filename: packed.filename,
    files: packed.files.map((file) => file.path),
  };
}

/**
 * @returns {Promise<{ dir: string, filename: string, files: string[] }>} the consumer folder, with
 *   billing-usage installed from its tarball, the tarball's file name, and the paths it holds
 */
export async function installPackedConsumer() {
  if (!existsSync(join(projectRoot, "dist/index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  const consumer = mkdtempSync(join(tmpdir(), "billing-usage-consumer-"));
  cpSync(join(projectRoot, "test/fixtures/consumer"), consumer, { recursive: true });
  try {
    const { tarball, filename, files } = await packPackage(consumer);
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock", tarball], {
      cwd: consumer,
    });
    return { dir: consumer, filename, files };
  } catch (error) {
    rmSync(consumer, { recursive: true, force: true });
    throw error;
  }
}
