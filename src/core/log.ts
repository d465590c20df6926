// Levelled logging through a console-like logger. Callers pass only safe fields (method, path,
// status, attempt, wait, elapsed); the message still passes through the redactor.
import { DEFAULT_LOG_LEVEL } from "./defaults";
import { InvalidInputError } from "./errors";
import type { Redactor } from "./redact";

/**
 * Every `logLevel`, quietest first: a level logs its own lines and those of every level before it.
 * Literals, not a spread: a bundler keeps a spread it cannot prove unused, in every entry's bundle.
 */
export const LOG_LEVELS = ["off", "error", "warn", "info", "debug"] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** Anything shaped like `console`: pino, winston and console itself all fit. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

interface LogFields {
  method?: string;
  path?: string;
  status?: number | undefined;
  attempt?: number;
  waitMs?: number;
  elapsedMs?: number;
}

export type Log = ((level: Exclude<LogLevel, "off">, message: string, fields?: LogFields) => void) & {
  /** Whether debug lines are kept: the per-attempt line is not even written otherwise (it is on every call). */
  readonly debugging: boolean;
};

/** A log for the given options, refusing a level or a logger it could not use. */
export function createLog(logger: Logger | undefined, level: LogLevel | undefined, redactor: Redactor): Log {
  if (level !== undefined && !LOG_LEVELS.includes(level))
    throw new InvalidInputError("logLevel", `logLevel must be one of ${LOG_LEVELS.join(", ")}`);
  // A logger needs a method per level it can be called at: every level but "off".
  const methods = LOG_LEVELS.slice(1) as Exclude<LogLevel, "off">[];
  const missing = logger && methods.find((method) => typeof (logger as Partial<Logger>)[method] !== "function");
  if (missing)
    throw new InvalidInputError("logger", `logger must have ${methods.join(", ")} methods; ${missing} is missing`);
  const threshold = LOG_LEVELS.indexOf(level ?? DEFAULT_LOG_LEVEL);
  const sink = logger ?? globalThis.console;
  const log = (at: Exclude<LogLevel, "off">, message: string, fields?: LogFields): void => {
    if (LOG_LEVELS.indexOf(at) > threshold || !sink) return;
    const text = `[billing-usage] ${redactor.redact(message)}`;
    try {
      if (fields) sink[at](text, fields);
      else sink[at](text);
    } catch {
      // A broken log sink must not fail the call it was logging for.
    }
  };
  return Object.assign(log, { debugging: threshold >= LOG_LEVELS.indexOf("debug") });
}
