// Reads the specs as data, so tests follow the spec instead of restating it.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { listApis, projectRoot } from "../../scripts/lib/apis.mjs";

export type ApiName = "prolifi" | "paypal-billing";

interface ResponseObject {
  content?: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }>;
  headers?: Record<string, unknown>;
  $ref?: string;
}

interface OperationObject {
  operationId: string;
  responses: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  servers: { url: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components: { responses?: Record<string, ResponseObject>; schemas: Record<string, unknown> };
}

const cache = new Map<ApiName, OpenApiDocument>();

export function loadSpec(api: ApiName): OpenApiDocument {
  let doc = cache.get(api);
  if (!doc) {
    const entry = listApis()[api];
    if (!entry) throw new Error(`${api} is not listed in redocly.yaml`);
    doc = parse(readFileSync(`${projectRoot}${entry.spec}`, "utf8")) as OpenApiDocument;
    cache.set(api, doc);
  }
  return doc;
}

function findOperation(
  api: ApiName,
  operationId: string,
): { path: string; method: string; operation: OperationObject } {
  for (const [path, item] of Object.entries(loadSpec(api).paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation.operationId === operationId) return { path, method, operation };
    }
  }
  throw new Error(`${api} has no operation ${operationId}`);
}

function resolveResponse(api: ApiName, response: ResponseObject): ResponseObject {
  if (!response.$ref) return response;
  const name = response.$ref.replace("#/components/responses/", "");
  const resolved = loadSpec(api).components.responses?.[name];
  if (!resolved) throw new Error(`unresolved ${response.$ref}`);
  return resolved;
}

/** Each status an operation declares, with the JSON example Prism will serve for it. */
export function declaredResponses(
  api: ApiName,
  operationId: string,
): { status: number; example: unknown; headers: string[] }[] {
  const { operation } = findOperation(api, operationId);
  return Object.entries(operation.responses).map(([status, raw]) => {
    const response = resolveResponse(api, raw);
    const media = response.content?.["application/json"];
    const example = media?.example ?? Object.values(media?.examples ?? {})[0]?.value;
    return { status: Number(status), example, headers: Object.keys(response.headers ?? {}) };
  });
}

/** A validator for one named schema of a spec (JSON Schema 2020-12, as OpenAPI 3.1 uses). */
export function schemaValidator(api: ApiName, schemaName: string): (value: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: `https://billing-usage.invalid/${api}`, components: loadSpec(api).components });
  const validate = ajv.getSchema(`https://billing-usage.invalid/${api}#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`${api} has no schema ${schemaName}`);
  return (value) => {
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
  };
}
