// The lines two texts do not share, in order, as `- old` and `+ new`: enough to read what changed in
// an API report without a diff tool on the machine.

/** @returns {string[]} each changed line prefixed `- ` (only in `before`) or `+ ` (only in `after`) */
export function lineDifference(before, after) {
  const a = before.split("\n");
  const b = after.split("\n");
  // Longest common subsequence, from the end, so the walk below goes front to back.
  const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1][j] >= common[i][j + 1])) {
      // On a tie the old line goes first, as diffs read: `- old` then `+ new`.
      out.push(`- ${a[i++]}`);
    } else {
      out.push(`+ ${b[j++]}`);
    }
  }
  return out;
}
