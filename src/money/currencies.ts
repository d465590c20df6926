// ISO 4217 minor units for every active currency code, packed small: the codes, and the few whose
// minor unit is not 2. test/unit/money/currencies.test.ts compares every code and digit count with
// the `currency-codes` dataset (a devDependency), so a new or changed ISO code fails a test.
// Codes whose ISO minor unit is "N.A." (gold, SDR, test and no-currency codes: XAU, XDR, XTS, XXX, …)
// are left out on purpose: they are not amounts of money a bill can be in.

/** Every active ISO 4217 code, three letters each, in alphabetical order. */
const CODES =
  "AEDAFNALLAMDANGAOAARSAUDAWGAZNBAMBBDBDTBGNBHDBIFBMDBNDBOBBOVBRLBSDBTNBWPBYNBZDCADCDFCHECHFCHWCLFCLPCNYCOPCOUCRC" +
  "CUCCUPCVECZKDJFDKKDOPDZDEGPERNETBEURFJDFKPGBPGELGHSGIPGMDGNFGTQGYDHKDHNLHTGHUFIDRILSINRIQDIRRISKJMDJODJPYKESKGS" +
  "KHRKMFKPWKRWKWDKYDKZTLAKLBPLKRLRDLSLLYDMADMDLMGAMKDMMKMNTMOPMRUMURMVRMWKMXNMXVMYRMZNNADNGNNIONOKNPRNZDOMRPABPEN" +
  "PGKPHPPKRPLNPYGQARRONRSDRUBRWFSARSBDSCRSDGSEKSGDSHPSLESOSSRDSSPSTNSVCSYPSZLTHBTJSTMTTNDTOPTRYTTDTWDTZSUAHUGXUSD" +
  "USNUYIUYUUYWUZSVEDVESVNDVUVWSTXAFXCDXOFXPFYERZARZMWZWG";

/** The codes whose minor unit is not 2, by digit count. */
const NOT_TWO: Readonly<Record<number, string>> = {
  0: "BIFCLPDJFGNFISKJPYKMFKRWPYGRWFUGXUYIVNDVUVXAFXOFXPF",
  3: "BHDIQDJODKWDLYDOMRTND",
  4: "CLFUYW",
};

/** Whether `codes` (packed three letters each) holds `code`. */
const holds = (codes: string, code: string): boolean => {
  for (let at = 0; at < codes.length; at += 3) if (codes.startsWith(code, at)) return true;
  return false;
};

/** The currency's minor unit digits (2 for USD, 0 for JPY, 3 for BHD), or undefined for an unknown code. */
export function minorDigits(code: string): number | undefined {
  if (!/^[A-Z]{3}$/.test(code) || !holds(CODES, code)) return undefined;
  for (const digits of [0, 3, 4]) if (holds(NOT_TWO[digits] as string, code)) return digits;
  return 2;
}
