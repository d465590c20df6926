// The command's help texts and its usage error: one line naming the problem, then the usage, exit 2.

export const USAGE = `Usage:
  billing-usage export prolifi (--customer ID ... | --customers FILE|-) [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--event-name NAME]
  billing-usage export paypal  (--customer ID ... | --customers FILE|-) [--subscription ID] [--per-page N] [--max-pages N]
    common: [--format csv|ndjson] [--out FILE] [--resume] [--concurrency N] [--shard K/N] [--rate N]
            [--base-url URL] [--environment sandbox|live] [--redis-url URL] [--quiet]
  billing-usage --help | --version
Run 'billing-usage export --help' for what each option does.`;

export const EXPORT_HELP = `billing-usage export: a customer list's usage as CSV (RFC 4180) or NDJSON, streamed as pages arrive.

${USAGE}

Customers
  --customer ID        a customer (repeatable); for PayPal, ID may be CUSTOMER,SUBSCRIPTION
  --customers FILE|-   one customer per line (PayPal: CUSTOMER or CUSTOMER,SUBSCRIPTION); blank lines and
                       lines starting with # are skipped; - reads standard input
  --shard K/N          only the customers whose FNV-1a hash of the id falls in shard K of N (1-based)
Prolifi
  --from, --to         the usage window (start_date, end_date), YYYY-MM-DD
  --event-name NAME    one event type only
PayPal
  --subscription ID    the subscription, for customers given without one
  --per-page N         periods per page (1-100)
  --max-pages N        stop a customer's walk after N pages (default 10000)
  --environment E      sandbox or live (or PAYPAL_ENVIRONMENT); --base-url names a host instead
Fleet
  --rate N             at most N requests per second: for this run, or with --redis-url for every shard
  --redis-url URL      share through Redis (or REDIS_URL): PayPal's token, and the --rate budget;
                       needs node-redis or ioredis installed
Output
  --format F           csv (default) or ndjson
  --out FILE           write to FILE instead of standard output
  --resume             continue an interrupted --out export from its checkpoint (FILE.checkpoint.json)
  --concurrency N      customers at once, on one client (default 4)
  --quiet              errors only on standard error
Credentials come only from the environment: PROLIFI_API_KEY, PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET.
Exit status: 0 all exported, 1 some customers failed (listed at the end), 2 usage error, 130 interrupted.`;

/** A mistake in the command line or its inputs: one line, the usage, exit 2. Nothing was sent. */
export class UsageError extends Error {
  override name = "UsageError";
}
