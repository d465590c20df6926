import { afterEach } from "vitest";
import { takeUnexpectedViolations } from "../helpers/prism";

afterEach(() => {
  const seen = takeUnexpectedViolations();
  if (seen.length > 0) throw new Error(`Prism reported spec violations:\n${seen.join("\n")}`);
});
