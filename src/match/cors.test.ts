import { describe, expect, it } from "vitest";
import { applyCors, originAllowed } from "./cors";

describe("CORS allowOrigins", () => {
  it.each([
    [["*"], "https://anything.example", true],
    [["https://www.foo.com"], "https://www.foo.com", true],
    [["https://www.foo.com"], "https://www.foo.com:443", true],
    [["https://www.foo.com"], "http://www.foo.com", false],
    [["https://www.foo.com:8443"], "https://www.foo.com", false],
    [["https://*.bar.com"], "https://www.bar.com", true],
    [["https://*.bar.com"], "https://xpto.www.bar.com", true],
    [["https://*.bar.com"], "https://bar.com", false],
    [["https://*.bar.com"], "https://foobar.com", false],
    [["https://www.foo.com"], "not an origin", false],
  ])("%j allows %s: %s", (patterns, origin, want) => expect(originAllowed(patterns, origin)).toBe(want));
});

const cors = { allowOrigins: ["https://www.foo.com"], allowMethods: ["GET", "OPTIONS"], allowHeaders: ["x-a"], exposeHeaders: ["x-b"], allowCredentials: true, maxAge: 60 };

describe("CORS filter", () => {
  const rows: { name: string; cors: object; method: string; headers: Record<string, string>; answer: number | null; want: Record<string, string>; absent?: string[] }[] = [
    { name: "not cross-origin", cors, method: "GET", headers: {}, answer: null, want: {} },
    {
      name: "preflight from an allowed origin",
      cors,
      method: "OPTIONS",
      headers: { origin: "https://www.foo.com", "access-control-request-method": "GET" },
      answer: 200,
      want: { "access-control-allow-origin": "https://www.foo.com", "access-control-allow-methods": "GET, OPTIONS", "access-control-allow-headers": "x-a", "access-control-expose-headers": "x-b", "access-control-allow-credentials": "true", "access-control-max-age": "60" },
    },
    { name: "preflight from another origin: answered, no CORS headers", cors, method: "OPTIONS", headers: { origin: "https://evil.com", "access-control-request-method": "GET" }, answer: 200, want: {}, absent: ["access-control-allow-origin"] },
    { name: "actual request: origin echoed, forwarded", cors, method: "GET", headers: { origin: "https://www.foo.com" }, answer: null, want: { "access-control-allow-origin": "https://www.foo.com", "access-control-allow-credentials": "true" }, absent: ["access-control-max-age"] },
    { name: "OPTIONS without Access-Control-Request-Method is not a preflight", cors, method: "OPTIONS", headers: { origin: "https://www.foo.com" }, answer: null, want: { "access-control-allow-origin": "https://www.foo.com" } },
    {
      name: "wildcards echo the request, default max-age 5",
      cors: { allowOrigins: ["*"], allowMethods: ["*"], allowHeaders: ["*"] },
      method: "OPTIONS",
      headers: { origin: "https://x.com", "access-control-request-method": "PUT", "access-control-request-headers": "x-1, x-2" },
      answer: 200,
      want: { "access-control-allow-origin": "https://x.com", "access-control-allow-methods": "PUT", "access-control-allow-headers": "x-1, x-2", "access-control-max-age": "5" },
      absent: ["access-control-allow-credentials"],
    },
  ];
  it.each(rows)("$name", ({ cors: c, method, headers, answer, want, absent }) => {
    const r = applyCors(c, method, headers);
    expect(r.answer).toBe(answer);
    const got = Object.fromEntries(r.headers);
    expect(got).toMatchObject(want);
    for (const h of absent ?? []) expect(got).not.toHaveProperty(h);
  });
});
