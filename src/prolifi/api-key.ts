// Where the Prolifi key comes from, and which keys are acceptable where.
import { keyPatterns } from "../../generated/prolifi.meta";
import { isHeaderSafe } from "../core/checks";
import { InvalidInputError } from "../core/errors";
import { isBrowserLike, readEnv } from "../core/runtime";

export const PROLIFI_API_KEY_ENV = "PROLIFI_API_KEY";

/** The shape every Prolifi key has, from the spec's bearer scheme. */
const KEY_SHAPE = new RegExp(keyPatterns.BearerAuth);

type KeyMode = "test" | "live";

export interface ApiKey {
  value: string;
  mode: KeyMode;
}

/** The key from the option, else the environment; checked without ever echoing it. */
export function resolveApiKey(apiKey: string | undefined, dangerouslyAllowBrowser: boolean): ApiKey {
  const value = apiKey ?? readEnv(PROLIFI_API_KEY_ENV);
  if (value === undefined || value === "") {
    throw new InvalidInputError("apiKey", `No Prolifi API key: pass the apiKey option or set ${PROLIFI_API_KEY_ENV}.`);
  }
  if (!isHeaderSafe(value) || !KEY_SHAPE.test(value)) {
    throw new InvalidInputError(
      "apiKey",
      "apiKey must start with sk_test_, sk_live_, pk_test_ or pk_live_ (value not shown)",
    );
  }
  if (value.startsWith("sk_") && isBrowserLike() && !dangerouslyAllowBrowser) {
    throw new InvalidInputError(
      "apiKey",
      "A secret key (sk_) in a browser is readable by anyone: use a read-only pk_ key, or dangerouslyAllowBrowser: true for a trusted internal tool.",
    );
  }
  return { value, mode: value.includes("_live_") ? "live" : "test" };
}
