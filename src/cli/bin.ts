#!/usr/bin/env node
// `billing-usage`: the command users run (package.json `bin`). SIGINT and SIGTERM stop the export
// after the page being written, with the checkpoint saved (exit 130); a second one exits at once.
import { EXIT_INTERRUPTED, main } from "./main";

const controller = new AbortController();
const stop = () => {
  if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
  controller.abort();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// A reader that went away (`| head`) ends the run like a stop, not with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") stop();
});

const readStdin = async (): Promise<string> => {
  let text = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) text += chunk;
  return text;
};

process.exitCode = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  signal: controller.signal,
});
