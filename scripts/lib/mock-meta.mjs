// Builds generated/<api>.mock.ts: what the mock servers (src/mock/) need from a spec beyond what
// Prism reads itself. Prism answers every page of a paginated list with the same example; the mock
// in front of it pages by `page`/`per_page` over the items of all the operation's 200 examples, so a
// client walking the mock sees every example item once, on the pages it asked for.
import { eachOperation } from "./openapi.mjs";
import { generatedHeader } from "./spec-meta.mjs";

/** The Lago-style page-number parameters both PayPal list endpoints use. */
const PAGE_PARAM = "page";
const PER_PAGE_PARAM = "per_page";

/** The one array-valued property of an example page (`usage_periods`), or a reason there is none. */
function itemsKeyOf(value, where) {
  const keys = Object.keys(value).filter((key) => Array.isArray(value[key]));
  if (keys.length !== 1) throw new Error(`${where}: a page example needs exactly one array property, found ${keys}`);
  return keys[0];
}

function pagedOperationsOf(spec, specPath) {
  const paged = [];
  for (const { path, method, op, parameters } of eachOperation(spec)) {
    const page = parameters.find((p) => p.in === "query" && p.name === PAGE_PARAM);
    const perPage = parameters.find((p) => p.in === "query" && p.name === PER_PAGE_PARAM);
    if (!page || !perPage) continue;
    const where = `${specPath} ${method.toUpperCase()} ${path}`;
    const examples = Object.entries(op.responses?.["200"]?.content?.["application/json"]?.examples ?? {});
    if (examples.length === 0) throw new Error(`${where}: a paginated operation needs 200 examples to page over`);
    const itemsKey = itemsKeyOf(examples[0][1].value, where);
    paged.push({
      method: method.toUpperCase(),
      path,
      pageParam: PAGE_PARAM,
      perPageParam: PER_PAGE_PARAM,
      defaultPerPage: perPage.schema.default,
      // Prism is asked for this example, so it checks the request and the example's envelope.
      example: examples[0][0],
      itemsKey,
      items: examples.flatMap(([name, example]) => {
        if (itemsKeyOf(example.value, `${where} example ${name}`) !== itemsKey)
          throw new Error(`${where}: example ${name} keeps its items under another key`);
        return example.value[itemsKey];
      }),
    });
  }
  return paged;
}

/** The shape of each entry is src/mock/paging.ts's `PagedOperation`, which type-checks it. */
export function buildMockModule(spec, specPath) {
  return [
    ...generatedHeader(specPath),
    `export const spec = ${JSON.stringify(specPath)};`,
    "",
    `export const pagedOperations = ${JSON.stringify(pagedOperationsOf(spec, specPath), null, 2)};`,
    "",
  ].join("\n");
}
