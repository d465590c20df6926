// scripts/spec-diff.mjs: each kind of spec change is found and marked breaking or compatible the way
// it lands on a user of the generated types and the clients' input checks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { projectRoot } from "../../../scripts/lib/apis.mjs";
import { diffSurfaces, specSurface } from "../../../scripts/lib/spec-surface.mjs";

import { baseSpec, type Spec, THING } from "../../helpers/tiny-spec";

const BODY = `${THING} → 200 application/json`;

function changesAfter(edit: (spec: Spec) => void) {
  const after = baseSpec();
  edit(after);
  return diffSurfaces(specSurface(baseSpec()), specSurface(after)).map(({ breaking, key, text }) => ({
    breaking,
    key,
    text,
  }));
}

describe("spec surface diff", () => {
  test("an unchanged spec, or one whose descriptions and examples changed, has no changes", () => {
    expect(changesAfter(() => {})).toEqual([]);
    expect(
      changesAfter((spec) => {
        spec.paths["/things/{id}"].get.description = "Gets a thing, now better described.";
        spec.paths["/things/{id}"].get.responses["200"].content["application/json"].example = { name: "x", kind: "a" };
      }),
    ).toEqual([]);
  });

  test.each([
    [
      "an optional parameter added",
      (s: Spec) => {
        s.paths["/things/{id}"].get.parameters.push({ name: "q", in: "query", schema: { type: "string" } });
      },
      `${THING} query parameter q`,
      "added (optional)",
      false,
    ],
    [
      "a required parameter added",
      (s: Spec) => {
        s.paths["/things/{id}"].get.parameters.push({
          name: "q",
          in: "query",
          required: true,
          schema: { type: "string" },
        });
      },
      `${THING} query parameter q`,
      "added (required)",
      true,
    ],
    [
      "a parameter made required",
      (s: Spec) => {
        s.paths["/things/{id}"].get.parameters[1].required = true;
      },
      `${THING} query parameter limit`,
      "now required",
      true,
    ],
    [
      "a parameter's maximum lowered",
      (s: Spec) => {
        s.paths["/things/{id}"].get.parameters[1].schema.maximum = 50;
      },
      `${THING} query parameter limit`,
      "maximum 100 → 50",
      true,
    ],
    [
      "a parameter's maximum raised",
      (s: Spec) => {
        s.paths["/things/{id}"].get.parameters[1].schema.maximum = 200;
      },
      `${THING} query parameter limit`,
      "maximum 100 → 200",
      false,
    ],
    [
      "a parameter's format changed",
      (s: Spec) => {
        s.paths["/things/{id}"].get.parameters[0].schema.format = "date";
      },
      `${THING} path parameter id`,
      'format "uuid" → "date"',
      true,
    ],
    [
      "a parameter enum value added",
      (s: Spec) => {
        s.paths["/things/{id}"].get.parameters[2].schema.enum.push("random");
      },
      `${THING} query parameter sort`,
      'enum adds "random"',
      false,
    ],
    [
      "a parameter enum value dropped",
      (s: Spec) => {
        s.paths["/things/{id}"].get.parameters[2].schema.enum.pop();
      },
      `${THING} query parameter sort`,
      'enum drops "desc"',
      true,
    ],
    [
      "a response field added",
      (s: Spec) => {
        s.components.schemas.Thing.properties.size = { type: "integer" };
      },
      `${BODY} .size`,
      "added (optional)",
      false,
    ],
    [
      "a response field removed",
      (s: Spec) => {
        delete s.components.schemas.Thing.properties.note;
      },
      `${BODY} .note`,
      "removed",
      true,
    ],
    [
      "a response field no longer required",
      (s: Spec) => {
        s.components.schemas.Thing.required = ["kind"];
      },
      `${BODY} .name`,
      "no longer required",
      true,
    ],
    [
      "a response field made required",
      (s: Spec) => {
        s.components.schemas.Thing.required.push("note");
      },
      `${BODY} .note`,
      "now required",
      false,
    ],
    [
      "a response field made nullable",
      (s: Spec) => {
        s.components.schemas.Thing.properties.name = { type: ["string", "null"] };
      },
      `${BODY} .name`,
      "now nullable",
      true,
    ],
    [
      "a response enum value added",
      (s: Spec) => {
        s.components.schemas.Thing.properties.kind.enum.push("c");
      },
      `${BODY} .kind`,
      'enum adds "c"',
      true,
    ],
    [
      "a response enum value dropped",
      (s: Spec) => {
        s.components.schemas.Thing.properties.kind.enum.pop();
      },
      `${BODY} .kind`,
      'enum drops "b"',
      false,
    ],
    [
      "a response header removed",
      (s: Spec) => {
        delete s.paths["/things/{id}"].get.responses["200"].headers;
      },
      `${THING} → 200 header x-count`,
      "removed",
      true,
    ],
    [
      "an error status added",
      (s: Spec) => {
        s.paths["/things/{id}"].get.responses["429"] = { description: "Slow down." };
      },
      `${THING} → 429`,
      "added",
      false,
    ],
  ] as const)("%s", (_label, edit, key, text, breaking) => {
    expect(changesAfter(edit)).toContainEqual({ breaking, key, text });
  });

  test("a new operation's required parameters are not breaking: no call to it exists yet", () => {
    const changes = changesAfter((spec) => {
      spec.paths["/others"] = {
        get: {
          parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "OK" } },
        },
      };
    });
    expect(changes).toContainEqual({ breaking: false, key: "GET /others query parameter q", text: "added (required)" });
    expect(changes.every((change) => !change.breaking)).toBe(true);
  });

  test("a removed operation lists itself and everything under it as breaking, and reads a recursive schema once", () => {
    const changes = changesAfter((spec) => delete spec.paths["/things/{id}"]);
    expect(changes.every((change) => change.breaking && change.text === "removed")).toBe(true);
    expect(changes.map((change) => change.key)).toEqual(
      expect.arrayContaining([THING, `${BODY} .parent`, `${BODY} .parent.name`]),
    );
    expect(changes.map((change) => change.key)).not.toContain(`${BODY} .parent.parent.name`);
  });

  test("sees both real specs whole: every operation, and a field behind a nullable oneOf", () => {
    const paypal = specSurface(parseYaml("spec/paypal-billing.yaml"));
    expect(paypal.get("POST /v1/oauth2/token")).toEqual({ kind: "operation" });
    const aggregation = [...paypal.entries()].find(([key]) => key.endsWith(".metric.aggregation_type"))?.[1];
    expect(aggregation).toMatchObject({
      type: "string",
      nullable: true,
      required: true,
      enum: ["COUNT", "SUM", "MAX", "COUNT_DISTINCT", "LATEST"],
    });
    expect(
      specSurface(parseYaml("spec/prolifi.yaml")).get("GET /customers/{id}/usage query parameter event_name"),
    ).toEqual({
      kind: "parameter",
      operation: "GET /customers/{id}/usage",
      required: false,
      type: "string",
      minLength: 1,
    });
  });
});

const parseYaml = (path: string): Spec => parse(readFileSync(join(projectRoot, path), "utf8")) as Spec;
