// Shared pieces of the property-based tests: hostile strings, and a tally of cases run that the
// suite prints at the end, so the figure is on record in CI's log.
import fc from "fast-check";

/** Strings built to break URLs and headers, mixed into the random ones. */
const NASTY = [
  "..",
  "../",
  "/..",
  "%2e%2e",
  "a/b",
  "a?b=c",
  "a#b",
  "%2F",
  "%00",
  "\r\nX-Injected: 1",
  "\n",
  "\u2028",
  " ",
  "",
  "é",
  "😀",
  "a b",
  "&page=2",
  "=",
  "\\",
];

/**
 * Any code point, lone surrogates included. fast-check's `unit: "binary"` leaves those out (and a
 * lone surrogate is what broke encodeURIComponent), and spends a second building its tables the
 * first time a worker uses it.
 */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint));

/** Any string, weighted toward the ones that break URLs and headers. */
export function hostileString(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ unit: anyCodePoint, maxLength: 80 }), weight: 4 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 80 }), weight: 2 },
    { arbitrary: fc.constantFrom(...NASTY), weight: 1 },
    {
      arbitrary: fc.tuple(valid, fc.constantFrom(...NASTY), fc.string({ maxLength: 5 })).map(([v, n, s]) => v + n + s),
      weight: 2,
    },
    { arbitrary: valid, weight: 3 },
  );
}

/**
 * Generated cases per property: enough that each outcome (refused, sent) occurs hundreds of times,
 * few enough that a property stays well under a second on one idle core (a busy machine runs it
 * several times slower, and a fuzz test must not time out for that).
 */
export const CASES_PER_PROPERTY = 1_000;

/**
 * Each outcome, refused and sent, must occur at least this often (2 % of the cases), or a property
 * could pass by refusing everything, or by never generating what must be refused.
 */
export const MIN_EACH_OUTCOME = 20;

let total = 0;
export function countCases(n: number): void {
  total += n;
}
export function casesRun(): number {
  return total;
}
