import { defineConfig } from "vitest/config";

export default defineConfig({ test: { globalSetup: ["./mocks.global.ts"] } });
