// Option names: an option this package does not know is refused, naming the one it most likely
// meant, so a typo such as `baseURL` can never be ignored and leave a client calling production.
import { InvalidInputError } from "./errors";

/** Edit distance between two short names (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known name a typo most likely meant: same letters in another case, a part of it, or two edits away. */
function nearest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    const d = distance(lower, other);
    const close = d <= 2 || (lower.length >= 4 && other.includes(lower));
    if (close && d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Refuses an option not in `known`, naming the nearest known one (or listing them all). */
export function checkOptionNames(options: object, known: readonly string[]): void {
  for (const name of Object.keys(options)) {
    if (known.includes(name)) continue;
    const guess = nearest(name, known);
    const hint = guess ? `did you mean ${guess}?` : `known options: ${known.join(", ")}`;
    throw new InvalidInputError(name, `unknown option ${name}; ${hint}`);
  }
}
