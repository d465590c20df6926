// An injected `fetch` for unit tests: answers from a function, records every request.
export interface MockFetch {
  fetch: typeof fetch;
  readonly requests: Request[];
}

export function mockFetch(answer: (request: Request, n: number) => Response | Promise<Response>): MockFetch {
  const requests: Request[] = [];
  return {
    requests,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      requests.push(request);
      return answer(request, requests.length);
    },
  };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}
