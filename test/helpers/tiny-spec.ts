// A small OpenAPI document with one of everything the spec surface covers, for the spec-diff tests.

/** How the spec diff names the one operation of the small spec. */
export const THING = "GET /things/{id}";

/** A free-form OpenAPI document, edited freely by the cases below. */
// biome-ignore lint/suspicious/noExplicitAny: the cases reach into nested spec fields freely
export type Spec = Record<string, any>;

/** A small spec with one of everything the surface covers. */
export function baseSpec(): Spec {
  return {
    openapi: "3.1.0",
    paths: {
      "/things/{id}": {
        get: {
          description: "Gets a thing.",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
            { name: "sort", in: "query", schema: { type: "string", enum: ["asc", "desc"] } },
          ],
          responses: {
            "200": {
              description: "A thing.",
              headers: { "X-Count": { required: true, schema: { type: "integer" } } },
              content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
            },
            "404": {
              description: "None.",
              content: {
                "application/json": { schema: { type: "object", properties: { error: { type: "string" } } } },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: "object",
          required: ["name", "kind"],
          properties: {
            name: { type: "string" },
            kind: { type: "string", enum: ["a", "b"] },
            note: { type: "string" },
            parent: { oneOf: [{ $ref: "#/components/schemas/Thing" }, { type: "null" }] },
          },
        },
      },
    },
  };
}
