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
 * @returns {Promise<{ dir: string, files: string[] }>} the consumer folder, with billing-usage
 *   installed from its tarball, and the paths the tarball holds
 */
export async function installPackedConsumer() {
  if (!existsSync(join(projectRoot, "dist/index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  const consumer = mkdtempSync(join(tmpdir(), "billing-usage-consumer-"));
  cpSync(join(projectRoot, "test/fixtures/consumer"), consumer, { recursive: true });
  try {
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", consumer], { cwd: projectRoot });
    const [packed] = JSON.parse(stdout);
    const tarball = join(consumer, packed.filename);
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock", tarball], {
      cwd: consumer,
    });
    return { dir: consumer, files: packed.files.map((file) => file.path) };
  } catch (error) {
    rmSync(consumer, { recursive: true, force: true });
    throw error;
  }
}
