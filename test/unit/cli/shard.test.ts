// --shard K/N: FNV-1a over the id, stable and documented; shards of one list are disjoint and together
// hold every customer.
import { describe, expect, test } from "vitest";
import { fnv1a, inShard } from "../../../src/cli/shard";

describe("shards", () => {
  test("FNV-1a matches the published test vectors", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });

  test.each([1, 2, 3, 8, 16])(
    "shards 1..%i of 1,000 customers are disjoint and their union is every customer",
    (count) => {
      const customers = Array.from({ length: 1_000 }, (_, i) => `cust_${i}`);
      const shards = Array.from({ length: count }, (_, k) =>
        customers.filter((id) => inShard(id, { index: k + 1, count })),
      );
      expect(shards.flat().sort()).toEqual([...customers].sort());
      expect(new Set(shards.flat()).size).toBe(1_000);
      // Spread, not lumped: no shard holds more than twice its share.
      for (const shard of shards) expect(shard.length).toBeLessThan((2 * 1_000) / count + 1);
    },
  );
});
