import { describe, expect, test } from "vitest";
import examples from "../../fixtures/vendor/examples.json" with { type: "json" };
import { type ApiName, schemaValidator } from "../../helpers/spec";

describe("vendor examples", () => {
  test.each(examples.map((e) => [`${e.api} ${e.schema}: ${e.source}`, e] as const))(
    "%s validates against the spec",
    (_name, example) => {
      const errors = schemaValidator(example.api as ApiName, example.schema)(example.value);
      expect(errors).toEqual([]);
    },
  );

  test("the validator rejects a body that breaks the schema", () => {
    const validate = schemaValidator("paypal-billing", "PastUsagePage");
    expect(validate({ usage_periods: [], meta: { current_page: 0, total_count: 0 } })).not.toEqual([]);
  });
});
