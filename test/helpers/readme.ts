// The README as tests read it: its claims are checked against the code, so every test reads the
// same file the same way.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../scripts/lib/apis.mjs";

export const README = readFileSync(join(projectRoot, "README.md"), "utf8");

/**
 * The body of the first fenced ```language block that ends after `marker`: the block under a heading
 * (`"## PayPal quick start"`), or the one a comment inside it names (`"# Kubernetes"`).
 */
export function readmeBlock(language: string, marker: string): string {
  const at = README.indexOf(marker);
  const block =
    at === -1
      ? undefined
      : [...README.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "g"))].find(
          (found) => found.index + found[0].length > at,
        );
  if (!block) throw new Error(`README.md has no \`\`\`${language} block at "${marker}"`);
  return block[1] as string;
}
