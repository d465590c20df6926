// Which customers a shard exports: FNV-1a (32-bit) over the id's UTF-8 bytes, modulo the shard
// count. Stable across machines, runtimes and releases, so N machines that each run one shard of the
// same list export every customer exactly once.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32-bit, of `text` as UTF-8. */
export function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash;
}

/** A shard as `--shard K/N` gives it: K from 1 to N. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Whether the customer `id` belongs to `shard`. */
export const inShard = (id: string, { index, count }: Shard): boolean => fnv1a(id) % count === index - 1;
