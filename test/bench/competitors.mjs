// The clients users would pick instead, from test/bench/package.json (installed by deps.mjs into
// test/bench/node_modules). Each is pointed at the loopback server on the route it knows. A package
// that is not installed is left out, with a note.
export async function loadCompetitors(baseUrl, { customer, key }) {
  const contenders = [];
  try {
    const { default: axios } = await import("axios");
    const client = axios.create({ baseURL: baseUrl, headers: { Authorization: `Bearer ${key}` } });
    contenders.push({ name: "axios", route: "usage", call: () => client.get(`/customers/${customer}/usage`) });
  } catch {
    console.error("bench: axios is not installed (node test/bench/deps.mjs); left out");
  }
  try {
    const { Client } = await import("lago-javascript-client");
    const lago = Client(key, { baseUrl: `${baseUrl}/api/v1` });
    contenders.push({
      name: "lago-javascript-client findAllCustomerPastUsage",
      route: "past usage",
      call: () => lago.customers.findAllCustomerPastUsage("cust_42", { external_subscription_id: "sub_7" }),
    });
  } catch {
    console.error("bench: lago-javascript-client is not installed (node test/bench/deps.mjs); left out");
  }
  return contenders;
}
