// argv into a plain options object (node:util parseArgs), every value checked before anything is
// sent. Secrets never come from here: a value shaped like an API key is refused without echoing it.
import { parseArgs } from "node:util";
import type { Format } from "./csv";
import type { Shard } from "./shard";
import { UsageError } from "./usage";

export type Provider = "prolifi" | "paypal";

export interface ExportArgs {
  readonly provider: Provider;
  readonly customers: readonly string[];
  /** `--customers`: a file path, or "-" for standard input. */
  readonly customersFile: string | undefined;
  readonly format: Format;
  readonly out: string | undefined;
  readonly resume: boolean;
  readonly concurrency: number;
  readonly shard: Shard | undefined;
  readonly baseUrl: string | undefined;
  readonly environment: "sandbox" | "live" | undefined;
  readonly redisUrl: string | undefined;
  /** Requests per second for the whole run, or with --redis-url for the whole fleet. */
  readonly rate: number | undefined;
  readonly quiet: boolean;
  // Prolifi
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly eventName: string | undefined;
  // PayPal
  readonly subscription: string | undefined;
  readonly perPage: number | undefined;
  readonly maxPages: number | undefined;
}

export type Command =
  | { kind: "help"; text: "main" | "export" }
  | { kind: "version" }
  | { kind: "export"; args: ExportArgs };

/** Customers exported at once when --concurrency is not given. */
export const DEFAULT_CONCURRENCY = 4;
/** The most customers at once: beyond this a run only queues on its own client. */
export const MAX_CONCURRENCY = 64;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  customer: { type: "string", multiple: true },
  customers: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  resume: { type: "boolean" },
  concurrency: { type: "string" },
  shard: { type: "string" },
  "base-url": { type: "string" },
  environment: { type: "string" },
  "redis-url": { type: "string" },
  rate: { type: "string" },
  quiet: { type: "boolean" },
  from: { type: "string" },
  to: { type: "string" },
  "event-name": { type: "string" },
  subscription: { type: "string" },
  "per-page": { type: "string" },
  "max-pages": { type: "string" },
} as const;

const ONLY_FOR: Record<string, Provider> = {
  from: "prolifi",
  to: "prolifi",
  "event-name": "prolifi",
  subscription: "paypal",
  "per-page": "paypal",
  "max-pages": "paypal",
  environment: "paypal",
};

/** Anything shaped like a Prolifi key: it would land in `ps` and the shell's history. */
const LOOKS_LIKE_KEY = /(^|[^A-Za-z0-9])[sp]k_(test|live)_/;

/** A numeric flag: undefined when absent, its value when `fits`, else a UsageError saying what it must be. */
function numberFlag(name: string, text: string | undefined, mustBe: string, fits: (value: number) => boolean) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !fits(value)) {
    throw new UsageError(`--${name} must be ${mustBe} (got ${JSON.stringify(text)})`);
  }
  return value;
}

const wholeNumber = (name: string, text: string | undefined, min: number, max: number) =>
  numberFlag(name, text, `a whole number from ${min} to ${max}`, (v) => Number.isInteger(v) && v >= min && v <= max);

function oneOf<T extends string>(name: string, text: string | undefined, allowed: readonly T[]): T | undefined {
  if (text === undefined || (allowed as readonly string[]).includes(text)) return text as T | undefined;
  throw new UsageError(`--${name} must be ${allowed.join(" or ")} (got ${JSON.stringify(text)})`);
}

function shardOf(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard must be K/N with 1 <= K <= N, e.g. 2/8 (got ${JSON.stringify(text)})`);
  }
  return { index, count };
}

function date(name: string, text: string | undefined): string | undefined {
  if (text !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    throw new UsageError(`--${name} must be a date as YYYY-MM-DD (got ${JSON.stringify(text)})`);
  }
  return text;
}

/** Parses the command line (without `node` and the script). Throws UsageError for any mistake. */
export function parseCommand(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Command {
  if (argv.some((arg) => LOOKS_LIKE_KEY.test(arg))) {
    throw new UsageError(
      "an argument looks like an API key (sk_… or pk_…; not shown). Credentials are read only from the environment " +
        "(PROLIFI_API_KEY, PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET): an argument stays in ps and the shell's history",
    );
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs words its errors well ("Unknown option '--frm'"); keep the first sentence.
    throw new UsageError(String((error as Error).message).split(". ")[0] ?? "bad arguments");
  }
  const { values, positionals } = parsed;
  const [command, provider, ...extra] = positionals;
  if (values.version) return { kind: "version" };
  if (command === undefined) {
    if (values.help) return { kind: "help", text: "main" };
    throw new UsageError("a command is needed: export");
  }
  if (command !== "export") throw new UsageError(`unknown command ${JSON.stringify(command)}; the command is export`);
  if (values.help) return { kind: "help", text: "export" };
  if (provider !== "prolifi" && provider !== "paypal") {
    throw new UsageError(`export needs a provider, prolifi or paypal (got ${JSON.stringify(provider ?? "")})`);
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  for (const [name, only] of Object.entries(ONLY_FOR)) {
    if (only !== provider && (values as Record<string, unknown>)[name] !== undefined) {
      throw new UsageError(`--${name} is for export ${only}, not export ${provider}`);
    }
  }
  const customers = values.customer ?? [];
  if (customers.length > 0 === (values.customers !== undefined)) {
    throw new UsageError("give the customers with --customer ID (repeatable) or --customers FILE|-, one of the two");
  }
  if (values.resume && values.out === undefined) throw new UsageError("--resume needs --out FILE (it resumes a file)");
  return {
    kind: "export",
    args: {
      provider,
      customers,
      customersFile: values.customers,
      format: oneOf("format", values.format, ["csv", "ndjson"] as const) ?? "csv",
      out: values.out,
      resume: values.resume ?? false,
      concurrency: wholeNumber("concurrency", values.concurrency, 1, MAX_CONCURRENCY) ?? DEFAULT_CONCURRENCY,
      shard: shardOf(values.shard),
      baseUrl: values["base-url"],
      environment: oneOf("environment", values.environment, ["sandbox", "live"] as const),
      redisUrl: values["redis-url"] ?? (env.REDIS_URL || undefined),
      rate: numberFlag("rate", values.rate, "a number of requests per second above 0", (v) => v > 0),
      quiet: values.quiet ?? false,
      from: date("from", values.from),
      to: date("to", values.to),
      eventName: values["event-name"],
      subscription: values.subscription,
      perPage: wholeNumber("per-page", values["per-page"], 1, 100),
      maxPages: wholeNumber("max-pages", values["max-pages"], 1, 10_000_000),
    },
  };
}
