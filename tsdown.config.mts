// The published build: ESM only, one file per entry point plus shared chunks, with .d.ts.
// ESM only (Node >= 20.19 can require() it) avoids the dual-package hazard, where a CJS copy and an
// ESM copy of the error classes would make `instanceof` fail across the two.
import { defineConfig, type UserConfig } from "tsdown";

const library: UserConfig = {
  entry: {
    index: "src/index.ts",
    prolifi: "src/prolifi/index.ts",
    paypal: "src/paypal/index.ts",
    "paypal-redis": "src/paypal/redis.ts",
    money: "src/money/index.ts",
    "rate-limit": "src/rate-limit/index.ts",
    redis: "src/redis/index.ts",
    mock: "src/mock/index.ts",
  },
  format: "esm",
  platform: "neutral",
  target: "es2022",
  dts: true,
  clean: true,
  tsconfig: "tsconfig.build.json",
  // Node's own modules, which only billing-usage/mock imports; the neutral platform does not know them.
  deps: { neverBundle: [/^node:/] },
  // The shared core and the spec tables in one chunk, not six: each file an import loads costs about
  // a millisecond of a cold start. Bundlers still tree-shake it (the Prolifi bundle holds no PayPal code).
  inputOptions: { preserveEntrySignatures: "allow-extension" },
  outputOptions: {
    codeSplitting: { groups: [{ name: "core", test: /[\\/]src[\\/]core[\\/][\w-]+\.ts$|\.meta\.ts$/ }] },
  },
};

// The billing-usage command: a program, not a library, so one self-contained file with its own copy
// of what it uses. Built into the library's chunks, it made rolldown split every provider into a
// chunk of its own, and each entry then loaded a file more at import.
const command: UserConfig = {
  entry: { cli: "src/cli/bin.ts" },
  outDir: "dist/bin",
  format: "esm",
  platform: "node",
  target: "es2022",
  dts: false,
  clean: false,
  tsconfig: "tsconfig.build.json",
  deps: { neverBundle: [/^node:/] },
};

export default defineConfig([library, command]);
