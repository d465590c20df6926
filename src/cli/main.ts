// The command's shell: argv and the environment into a plan, streams in and out, the outcome into an
// exit code. Everything it decides is in args.ts, customers.ts, sources.ts and export.ts.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { InvalidInputError } from "../core/errors";
import type { RateLimiter } from "../core/rate-limiter";
import { createRedisTokenStore } from "../paypal/redis";
import { createRateLimiter } from "../rate-limit/pacer";
import { createRedisRateLimiter } from "../redis/rate-limiter";
import { type ExportArgs, parseCommand } from "./args";
import { type Customer, customerKey, parseCustomers } from "./customers";
import { type ExportOutcome, type OutputStream, runExport } from "./export";
import { describeError, type ProgressStream } from "./progress";
import { connectRedis, type RedisConnection } from "./redis";
import { inShard } from "./shard";
import { type ExportSource, paypalSource, prolifiSource } from "./sources";
import { EXPORT_HELP, USAGE, UsageError } from "./usage";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** 128 + SIGINT, as shells report a command stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

export interface Process {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: ProgressStream;
  /** Standard input's whole text, for --customers -. */
  readStdin(): Promise<string>;
  /** Aborts when the run should stop (SIGINT, SIGTERM). */
  readonly signal: AbortSignal;
}

const version = (): string => (createRequire(import.meta.url)("../../package.json") as { version: string }).version;

async function customersOf(args: ExportArgs, proc: Process, source: ExportSource): Promise<Customer[]> {
  let listText: string | undefined;
  if (args.customersFile === "-") listText = await proc.readStdin();
  else if (args.customersFile !== undefined) {
    try {
      listText = readFileSync(args.customersFile, "utf8");
    } catch (error) {
      throw new UsageError(
        `cannot read --customers ${args.customersFile}: ${(error as NodeJS.ErrnoException).code ?? error}`,
      );
    }
  }
  const customers = parseCustomers(
    listText === undefined ? { flags: args.customers } : { listText },
    args.provider,
    args.subscription,
    source.check,
  );
  return args.shard
    ? customers.filter((customer) => inShard(customer.id, args.shard as NonNullable<typeof args.shard>))
    : customers;
}

/** What a checkpoint must match to be resumed: everything that decides the rows. */
function fingerprintOf(args: ExportArgs, customers: readonly Customer[]): string {
  const { provider, format, from, to, eventName, perPage, maxPages } = args;
  const what = { provider, format, from, to, eventName, perPage, maxPages, customers: customers.map(customerKey) };
  return createHash("sha256").update(JSON.stringify(what)).digest("hex");
}

/** The rate budget --rate sets: the fleet's on Redis, or this run's own. */
function rateLimiterFor(args: ExportArgs, redis: RedisConnection | undefined): RateLimiter | undefined {
  if (args.rate === undefined) return undefined;
  if (!redis) return createRateLimiter({ requestsPerSecond: args.rate });
  return createRedisRateLimiter(redis.client, {
    requestsPerSecond: args.rate,
    key: `billing-usage:rate:${args.provider}`,
  });
}

async function exportCommand(args: ExportArgs, proc: Process): Promise<ExportOutcome> {
  let redis: RedisConnection | undefined;
  const logLevel = args.quiet ? "error" : "warn";
  try {
    // Redis is shared for what it carries: PayPal's token, and the rate budget when --rate is set.
    const useRedis = args.redisUrl !== undefined && (args.provider === "paypal" || args.rate !== undefined);
    if (useRedis) redis = await connectRedis(args.redisUrl as string);
    const rateLimiter = rateLimiterFor(args, redis);
    const common = { baseUrl: args.baseUrl, logLevel, rateLimiter } as const;
    const source =
      args.provider === "prolifi"
        ? prolifiSource({ ...common, from: args.from, to: args.to, eventName: args.eventName })
        : paypalSource({
            ...common,
            environment: args.environment,
            perPage: args.perPage,
            maxPages: args.maxPages,
            tokenStore: redis && createRedisTokenStore(redis.client),
          });
    const customers = await customersOf(args, proc, source);
    return await runExport(
      {
        source,
        customers,
        format: args.format,
        out: args.out,
        resume: args.resume,
        concurrency: args.concurrency,
        fingerprint: fingerprintOf(args, customers),
        quiet: args.quiet,
      },
      proc,
    );
  } finally {
    await redis?.close();
  }
}

/** Runs the command; resolves to its exit code. Never throws for a user's mistake. */
export async function main(proc: Process): Promise<number> {
  const fail = (message: string, code: number, usage = false) => {
    proc.stderr.write(`billing-usage: ${message}\n${usage ? `${USAGE}\n` : ""}`);
    return code;
  };
  try {
    const command = parseCommand(proc.argv, proc.env);
    if (command.kind !== "export") {
      const text = command.kind === "version" ? version() : command.text === "export" ? EXPORT_HELP : USAGE;
      proc.stdout.write(`${text}\n`);
      return EXIT_OK;
    }
    const outcome = await exportCommand(command.args, proc);
    if (outcome.interrupted) return EXIT_INTERRUPTED;
    if (outcome.failed.length > 0) {
      const hint = command.args.out === undefined ? "" : " (rerun with --resume to retry just those)";
      return fail(`${outcome.failed.length} customers failed${hint}`, EXIT_FAILED);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, EXIT_USAGE, true);
    // A client refusing its options (no API key, no environment) is a usage error: nothing was sent.
    if (error instanceof InvalidInputError) return fail(error.message, EXIT_USAGE);
    // Anything else (the output file failing, say) ends the run with what it was, not a stack trace.
    return fail(describeError(error), EXIT_FAILED);
  }
}
