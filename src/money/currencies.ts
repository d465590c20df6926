// ISO 4217 minor units for every active currency code, packed small: the codes grouped by first
// letter, and the few whose minor unit is not 2. test/unit/money/currencies.test.ts compares every
// code and digit count with the `currency-codes` dataset (a devDependency), so a new or changed ISO
// code fails a test. Codes whose ISO minor unit is "N.A." (gold, SDR, test and no-currency codes:
// XAU, XDR, XTS, XXX, …) are left out on purpose: they are not amounts a bill can be in.

/** Every active code: per first letter, that letter and then the codes' last two letters. */
const CODES =
  "AEDFNLLMDNGOARSUDWGZN BAMBDDTGNHDIFMDNDOBOVRLSDTNWPYNZD CADDFHEHFHWLFLPNYOPOURCUCUPVEZK DJFKKOPZD EGPRNTBUR " +
  "FJDKP GBPELHSIPMDNFTQYD HKDNLTGUF IDRLSNRQDRRSK JMDODPY KESGSHRMFPWRWWDYDZT LAKBPKRRDSLYD " +
  "MADDLGAKDMKNTOPRUURVRWKXNXVYRZN NADGNIOOKPRZD OMR PABENGKHPKRLNYG QAR RONSDUBWF " +
  "SARBDCRDGEKGDHPLEOSRDSPTNVCYPZL THBJSMTNDOPRYTDWDZS UAHGXSDSNYIYUYWZS VEDESNDUV WST XAFCDOFPF YER ZARMWWG";

/** The groups of CODES, split once rather than on every amount read. */
const GROUPS = /* @__PURE__ */ CODES.split(" ");

/** The codes whose minor unit is not 2, three letters each, by digit count. */
const NOT_TWO = [
  [0, "BIFCLPDJFGNFISKJPYKMFKRWPYGRWFUGXUYIVNDVUVXAFXOFXPF"],
  [3, "BHDIQDJODKWDLYDOMRTND"],
  [4, "CLFUYW"],
] as const;

/** Whether `packed` holds `code` at a multiple of `step` from `from`. */
function holds(packed: string, code: string, from: number, step: number): boolean {
  for (let at = from; at < packed.length; at += step) if (packed.startsWith(code, at)) return true;
  return false;
}

/** The currency's minor unit digits (2 for USD, 0 for JPY, 3 for BHD), or undefined for an unknown code. */
export function minorDigits(code: string): number | undefined {
  const group = GROUPS.find((letters) => letters[0] === code[0]);
  if (!/^[A-Z]{3}$/.test(code) || !group || !holds(group, code.slice(1), 1, 2)) return undefined;
  return NOT_TWO.find(([, codes]) => holds(codes, code, 0, 3))?.[0] ?? 2;
}
