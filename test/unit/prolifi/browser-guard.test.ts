// Browser globals are stubbed in this file only: vitest runs each test file in its own process.
// The real-browser version of these checks runs in Chromium (test/browser/).
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createProlifiClient, InvalidInputError } from "../../../src/prolifi/index";
import { PUBLIC_KEY, SECRET_KEY } from "../../helpers/fixtures";

describe("Prolifi browser guard", () => {
  describe("in a page (window with a document, and navigator)", () => {
    beforeEach(() => {
      vi.stubGlobal("window", { document: {} });
      vi.stubGlobal("navigator", { userAgent: "test" });
    });
    afterEach(() => vi.unstubAllGlobals());

    test("refuses a secret key", () => {
      expect(() => createProlifiClient({ apiKey: SECRET_KEY })).toThrow(InvalidInputError);
      expect(() => createProlifiClient({ apiKey: SECRET_KEY })).toThrow(
        /secret key \(sk_\) in a browser is readable by anyone: use a read-only pk_ key, or dangerouslyAllowBrowser: true/,
      );
    });

    test("accepts a public key", () => {
      expect(() => createProlifiClient({ apiKey: PUBLIC_KEY })).not.toThrow();
    });

    test("accepts a secret key with dangerouslyAllowBrowser", () => {
      expect(() => createProlifiClient({ apiKey: SECRET_KEY, dangerouslyAllowBrowser: true })).not.toThrow();
    });
  });

  describe("in a web worker", () => {
    beforeEach(() => {
      vi.stubGlobal("WorkerGlobalScope", function WorkerGlobalScope() {});
      vi.stubGlobal("importScripts", () => {});
    });
    afterEach(() => vi.unstubAllGlobals());

    test("refuses a secret key", () => {
      expect(() => createProlifiClient({ apiKey: SECRET_KEY })).toThrow(InvalidInputError);
    });
  });

  test("on a server, accepts a secret key", () => {
    expect(() => createProlifiClient({ apiKey: SECRET_KEY })).not.toThrow();
  });

  test("a window without a document (as some server runtimes define) is not a browser", () => {
    vi.stubGlobal("window", {});
    try {
      expect(() => createProlifiClient({ apiKey: SECRET_KEY })).not.toThrow();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
