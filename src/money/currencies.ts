// ISO 4217 minor units for every active currency code, read from generated/currencies.ts (packed
// from the `currency-codes` dataset by `npm run generate`; scripts/lib/currency-table.mjs gives the
// format). test/unit/money/currencies.test.ts compares every code and digit count with the dataset.
// Codes whose ISO minor unit is "N.A." (gold, SDR, test and no-currency codes: XAU, XDR, XTS, XXX, …)
// are left out on purpose: they are not amounts a bill can be in.

import { BITS_PER_CHAR, CURRENCY_COUNT, FIRST_CHAR, PACKED_CURRENCIES, RICE_BITS } from "../../generated/currencies";

let digitsByCode: Map<unknown, number> | undefined;

/** Reads the packed table once, on the first amount: each code's distance from the last, then its digits. */
function unpack(): Map<unknown, number> {
  const table = new Map<unknown, number>();
  let read = 0;
  // The next bit, the highest of a character first. (charCodeAt drops the fraction of the index.)
  const bit = () =>
    ((PACKED_CURRENCIES.charCodeAt(read / BITS_PER_CHAR) - FIRST_CHAR) >>
      (BITS_PER_CHAR - 1 - (read++ % BITS_PER_CHAR))) &
    1;
  for (let code = -1; table.size < CURRENCY_COUNT; ) {
    code++;
    while (bit()) code += 2 ** RICE_BITS;
    for (let low = RICE_BITS; low--; ) code += bit() << low;
    // String.fromCharCode drops the fraction of code / 676 and code / 26.
    const letters = String.fromCharCode(65 + code / 676, 65 + ((code / 26) % 26), 65 + (code % 26));
    // The digits' code (DIGIT_BITS in scripts/lib/currency-table.mjs): 0 → 2, 10 → 0, 110 → 3, 111 → 4.
    table.set(letters, bit() ? (bit() ? (bit() ? 4 : 3) : 0) : 2);
  }
  return table;
}

/** The currency's minor unit digits (2 for USD, 0 for JPY, 3 for BHD), or undefined for anything else. */
export function minorDigits(code: unknown): number | undefined {
  digitsByCode ??= unpack();
  return digitsByCode.get(code);
}
