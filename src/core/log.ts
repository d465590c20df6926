// Levelled logging through a console-like logger. Callers pass only safe fields (method, path,
// status, attempt, wait, elapsed); the message still passes through the redactor.
import { DEFAULT_LOG_LEVEL } from "./defaults";
import type { Redactor } from "./redact";

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Anything shaped like `console`: pino, winston and console itself all fit. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

export interface LogFields {
  method?: string;
  path?: string;
  status?: number | undefined;
  attempt?: number;
  waitMs?: number;
  elapsedMs?: number;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export type Log = (level: Exclude<LogLevel, "off">, message: string, fields?: LogFields) => void;

export function createLog(logger: Logger | undefined, level: LogLevel | undefined, redactor: Redactor): Log {
  const threshold = RANK[level ?? DEFAULT_LOG_LEVEL];
  const sink = logger ?? globalThis.console;
  return (at, message, fields) => {
    if (RANK[at] > threshold || !sink) return;
    const text = `[billing-usage] ${redactor.redact(message)}`;
    try {
      if (fields) sink[at](text, fields);
      else sink[at](text);
    } catch {
      // A broken log sink must not fail the call it was logging for.
    }
  };
}
