/**
 * Properties over generated input (fast-check, bounded runs; the parser's own are in
 * src/parse/fuzz.test.ts): parsing mutated real manifests never throws; the controller and the matcher never throw on plausible-but-wild Gateway API objects and
 * requests; the same input always gives the same answer; the indexed matcher agrees with the naive
 * reference matcher on status code and backend.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, load, match, buildGraph } from "./index";
import { naiveMatch } from "./match/naive";
import type { SimRequest } from "./model/request";
import { SHARED_DIR } from "./testing/conformance";

/** Runs per property; raise with PROPERTY_RUNS=5000 to hunt for bugs. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

// ---------------------------------------------------------------------------------------------
// Mutated real manifests

/** Pieces of YAML syntax, so generated text reaches deep into the parser rather than failing at once. */
const YAML_TOKENS = ["\n", "  ", " ", "- ", ": ", ":", "---\n", "...\n", "#c", "[", "]", "{", "}", ",", "&a ", "*a", "? ", "|\n", ">-\n", "'", '"', "\\", "\t", "!!str ", "!t ", "%YAML 1.2\n", "key", "apiVersion: v1\n", "kind: Service\n", "metadata:\n", "  name: x\n", "~", "null", "1", "0x1F", "<<: ", "\u0000", "\ufeff", "\r\n", "é", "😀"];

function checkParse(text: string): void {
  const r = parse({ name: "p.yaml", text });
  const lines = text.split("\n").length;
  for (const d of r.diagnostics) {
    // Every diagnostic is placed inside the text.
    if (d.line < 1 || d.line > lines || d.column < 1) throw new Error(`diagnostic outside the text: ${d.line}:${d.column} ${d.code} ${d.message}`);
  }
  for (const res of r.resources) if (!res.kind || !res.name) throw new Error("resource without kind or name");
}

describe("the engine on mutated real manifests", () => {
  const MANIFESTS = [
    join(SHARED_DIR, "conformance", "manifests", "base", "manifests.yaml"),
    join(SHARED_DIR, "gateway-api", "examples", "standard", "http-routing", "gateway.yaml"),
    join(SHARED_DIR, "corpus", "gateway", "cilium__cilium", "examples", "kubernetes", "gateway", "basic-http.yaml"),
  ].filter((f) => existsSync(f));
  const seeds = MANIFESTS.length ? MANIFESTS.map((f) => readFileSync(f, "utf8")) : ["apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec:\n  gatewayClassName: c\n  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n"];

  type Mutation = { op: "insert"; at: number; text: string } | { op: "delete"; at: number; len: number } | { op: "swap"; a: number; b: number };
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 4 })) }),
    fc.record({ op: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ op: fc.constant("swap" as const), a: fc.nat(), b: fc.nat() }),
  );
  function mutate(text: string, ms: Mutation[]): string {
    for (const m of ms) {
      if (m.op === "insert") {
        const at = text.length ? m.at % (text.length + 1) : 0;
        text = text.slice(0, at) + m.text + text.slice(at);
      } else if (m.op === "delete") {
        const at = text.length ? m.at % text.length : 0;
        text = text.slice(0, at) + text.slice(at + m.len);
      } else {
        const lines = text.split("\n");
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
        text = lines.join("\n");
      }
    }
    return text;
  }
  it("on mutated real manifests (insert, delete, swap lines), and the engine after it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 }), (seed, ms) => {
        const text = mutate(seed, ms);
        checkParse(text);
        const loaded = load({ name: "m.yaml", text });
        buildGraph(loaded.model);
        for (const gw of loaded.model.gateways) match(loaded.model, { gateway: `${gw.resource.namespace}/${gw.resource.name}`, request: { host: "example.com", path: "/" } });
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// A grammar of plausible Gateway API configurations

const NAMESPACES = ["default", "apps", "infra"] as const;
const GATEWAYS = ["gw", "gw2"] as const;
const SERVICES = ["svc-a", "svc-b", "svc-c"];
const LISTENERS = ["http", "https", "tls", "l1"];
const HOSTNAMES = ["example.com", "*.example.com", "foo.example.com", "bar.com", "*", "EXAMPLE.com", "a..b", "*.com", "foo.example.com."];
const PATHS = ["/", "/api", "/api/", "/api/v1", "/API", "//", "/a%2Fb", "/api/v1/users", ""];
const REGEXES = ["/api/.*", "/v[0-9]+", "[", "(a+)+$", ".*"];
const PORTS = [80, 443, 8080, 0, 70000];

/** Mostly the right type, sometimes anything: inputs are untrusted. */
function wild<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 12, arbitrary: arb }, { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.string({ maxLength: 3 }), fc.integer(), fc.constant([]), fc.constant({})) });
}
/** Present half of the time. */
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
/** Absent three times in four: optional fields that, when set, usually break attachment. */
const rare = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
/** The common value four times in five, else one of the others: configurations must mostly cohere to reach interesting answers. */
const mostly = <T>(common: T, ...others: T[]) => fc.oneof({ weight: 4, arbitrary: fc.constant(common) }, { weight: 1, arbitrary: fc.constantFrom(common, ...others) });
const ns = mostly(...NAMESPACES);

const gatewayClass = fc.record({
  apiVersion: fc.constant("gateway.networking.k8s.io/v1"),
  kind: fc.constant("GatewayClass"),
  metadata: fc.record({ name: fc.constantFrom("cls", "other") }),
  spec: fc.record({ controllerName: wild(fc.constantFrom("example.com/ctl", "bad name")) }),
});

const listener = fc.record(
  {
    name: wild(fc.constantFrom(...LISTENERS)),
    port: wild(mostly(443, ...PORTS)),
    protocol: wild(mostly("HTTPS", "HTTP", "TLS", "TCP", "UDP", "GRPC")),
    hostname: rare(wild(fc.constantFrom(...HOSTNAMES))),
    tls: rare(wild(fc.record({ mode: fc.constantFrom("Terminate", "Passthrough"), certificateRefs: fc.array(fc.record({ name: fc.constantFrom("cert", "missing"), namespace: opt(ns) }), { maxLength: 2 }) }, { requiredKeys: [] }))),
    allowedRoutes: rare(wild(fc.record({ namespaces: fc.record({ from: fc.constantFrom("All", "Same", "Selector", "None"), selector: opt(fc.record({ matchLabels: fc.record({ team: fc.constantFrom("a", "b") }) })) }, { requiredKeys: ["from"] }), kinds: opt(fc.array(fc.record({ kind: fc.constantFrom("HTTPRoute", "GRPCRoute", "TLSRoute", "Nope") }), { maxLength: 2 })) }, { requiredKeys: [] }))),
  },
  { requiredKeys: ["name", "port", "protocol"] },
);

const gateway = fc.record({
  apiVersion: fc.constant("gateway.networking.k8s.io/v1"),
  kind: fc.constant("Gateway"),
  metadata: fc.record({ name: mostly(...GATEWAYS), namespace: rare(ns) }),
  spec: fc.record({
    gatewayClassName: wild(mostly("cls", "other", "absent")),
    // A plain HTTP listener first (so routes have somewhere to attach), then up to three wild ones.
    listeners: wild(fc.tuple(fc.record({ name: fc.constant("http"), port: fc.constant(80), protocol: fc.constant("HTTP"), hostname: rare(fc.constantFrom(...HOSTNAMES)) }, { requiredKeys: ["name", "port", "protocol"] }), fc.array(listener, { maxLength: 3 })).map(([a, rest]) => [a, ...rest])),
  }),
});

const parentRef = fc.record(
  { name: mostly(...GATEWAYS, "nowhere"), namespace: rare(ns), sectionName: rare(fc.constantFrom(...LISTENERS)), port: rare(fc.constantFrom(...PORTS)), kind: rare(fc.constantFrom("Gateway", "Service", "Other")) },
  { requiredKeys: ["name"] },
);
const backendRef = fc.record(
  { name: fc.constantFrom(...SERVICES), namespace: rare(ns), port: mostly(80, ...PORTS), weight: opt(wild(fc.integer({ min: -1, max: 5 }))), kind: rare(fc.constantFrom("Service", "Unknown")), group: rare(fc.constantFrom("", "example.com")) },
  { requiredKeys: ["name"] },
);
const pathMatch = fc.oneof(
  fc.record({ type: fc.constantFrom("Exact", "PathPrefix"), value: fc.constantFrom(...PATHS) }),
  fc.record({ type: fc.constant("RegularExpression"), value: fc.constantFrom(...REGEXES) }),
  fc.record({ value: fc.constantFrom(...PATHS) }),
);
const httpMatch = fc.record(
  {
    path: mostly({ type: "PathPrefix", value: "/" }, { type: "PathPrefix", value: "/api" }).chain((p) => fc.oneof({ weight: 2, arbitrary: fc.constant(p) }, { weight: 1, arbitrary: pathMatch })),
    method: rare(fc.constantFrom("GET", "POST", "get")),
    headers: rare(fc.array(fc.record({ name: fc.constantFrom("version", "X-Env", ":authority"), value: fc.constantFrom("two", "canary", ""), type: opt(fc.constantFrom("Exact", "RegularExpression")) }), { maxLength: 2 })),
    queryParams: rare(fc.array(fc.record({ name: fc.constantFrom("a", "B"), value: fc.constantFrom("1", "x") }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);
const filter = fc.oneof(
  fc.record({ type: fc.constant("RequestHeaderModifier"), requestHeaderModifier: fc.record({ set: fc.array(fc.record({ name: fc.constantFrom("x-a", "Host"), value: fc.constant("v") }), { maxLength: 2 }), remove: fc.array(fc.constantFrom("x-b"), { maxLength: 1 }) }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constant("RequestRedirect"), requestRedirect: fc.record({ scheme: opt(fc.constantFrom("https", "http")), hostname: opt(fc.constantFrom("r.example.com")), port: opt(fc.constantFrom(8443)), statusCode: opt(fc.constantFrom(301, 302)), path: opt(fc.record({ type: fc.constantFrom("ReplaceFullPath", "ReplacePrefixMatch"), replaceFullPath: opt(fc.constant("/new")), replacePrefixMatch: opt(fc.constant("/p")) })) }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constant("URLRewrite"), urlRewrite: fc.record({ hostname: opt(fc.constantFrom("w.example.com")), path: opt(fc.record({ type: fc.constantFrom("ReplaceFullPath", "ReplacePrefixMatch"), replaceFullPath: opt(fc.constant("/x")), replacePrefixMatch: opt(fc.constantFrom("/", "/y")) })) }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constant("RequestMirror"), requestMirror: fc.record({ backendRef, percent: opt(fc.integer({ min: 0, max: 100 })) }, { requiredKeys: ["backendRef"] }) }),
  fc.record({ type: fc.constantFrom("ExtensionRef", "Bogus") }),
);
const httpRoute = fc.record({
  apiVersion: fc.constantFrom("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1"),
  kind: fc.constant("HTTPRoute"),
  metadata: fc.record({ name: fc.constantFrom("r1", "r2", "r3", "r4"), namespace: rare(ns), creationTimestamp: opt(fc.constantFrom("2024-01-01T00:00:00Z", "2023-01-01T00:00:00Z")) }),
  spec: fc.record(
    {
      parentRefs: wild(fc.array(parentRef, { minLength: 1, maxLength: 3 })),
      hostnames: rare(wild(fc.array(fc.constantFrom(...HOSTNAMES), { maxLength: 3 }))),
      rules: wild(fc.array(fc.record({ matches: opt(fc.array(httpMatch, { maxLength: 3 })), filters: rare(fc.array(filter, { maxLength: 2 })), backendRefs: mostly(undefined, []).chain((none) => (none ? fc.constant(none) : fc.array(backendRef, { minLength: 1, maxLength: 3 }))) }, { requiredKeys: [] }), { maxLength: 3 })),
    },
    { requiredKeys: [] },
  ),
});
const otherRoute = fc.record({
  apiVersion: fc.constantFrom("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1alpha2"),
  kind: fc.constantFrom("GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"),
  metadata: fc.record({ name: fc.constantFrom("o1", "o2"), namespace: opt(ns) }),
  spec: fc.record(
    {
      parentRefs: fc.array(parentRef, { maxLength: 2 }),
      hostnames: opt(fc.array(fc.constantFrom(...HOSTNAMES), { maxLength: 2 })),
      rules: fc.array(fc.record({ matches: opt(fc.array(fc.record({ method: fc.record({ service: fc.constantFrom("pkg.Svc", "a.B"), method: opt(fc.constantFrom("Get", "List")) }, { requiredKeys: [] }) }, { requiredKeys: [] }), { maxLength: 2 })), backendRefs: fc.array(backendRef, { maxLength: 2 }) }, { requiredKeys: ["backendRefs"] }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
});
const service = fc.record({
  apiVersion: fc.constant("v1"),
  kind: fc.constant("Service"),
  metadata: fc.record({ name: fc.constantFrom(...SERVICES), namespace: rare(ns) }),
  spec: fc.record({ ports: fc.array(fc.record({ port: mostly(80, ...PORTS) }), { minLength: 1, maxLength: 2 }) }),
});
const grant = fc.record({
  apiVersion: fc.constantFrom("gateway.networking.k8s.io/v1beta1", "gateway.networking.k8s.io/v1"),
  kind: fc.constant("ReferenceGrant"),
  metadata: fc.record({ name: fc.constantFrom("g1", "g2"), namespace: opt(ns) }),
  spec: fc.record({ from: fc.array(fc.record({ group: fc.constant("gateway.networking.k8s.io"), kind: fc.constantFrom("HTTPRoute", "Gateway"), namespace: ns }), { minLength: 1, maxLength: 2 }), to: fc.array(fc.record({ group: fc.constant(""), kind: fc.constantFrom("Service", "Secret"), name: opt(fc.constantFrom(...SERVICES)) }, { requiredKeys: ["group", "kind"] }), { minLength: 1, maxLength: 2 }) }),
});
const namespace = fc.record({ apiVersion: fc.constant("v1"), kind: fc.constant("Namespace"), metadata: fc.record({ name: ns, labels: opt(fc.record({ team: fc.constantFrom("a", "b") })) }) });
const secret = fc.record({ apiVersion: fc.constant("v1"), kind: fc.constant("Secret"), metadata: fc.record({ name: fc.constant("cert"), namespace: opt(ns) }), type: fc.constantFrom("kubernetes.io/tls", "Opaque"), data: fc.record({ "tls.crt": fc.constant("Y2VydA=="), "tls.key": fc.constant("a2V5") }) });

const config = fc
  .tuple(
    fc.array(gatewayClass, { maxLength: 2 }),
    fc.array(gateway, { minLength: 1, maxLength: 2 }),
    fc.array(httpRoute, { maxLength: 5 }),
    fc.array(otherRoute, { maxLength: 2 }),
    fc.array(service, { maxLength: 3 }),
    fc.array(grant, { maxLength: 1 }),
    fc.array(namespace, { maxLength: 2 }),
    fc.array(secret, { maxLength: 1 }),
  )
  .map((parts) => parts.flat());

const request: fc.Arbitrary<SimRequest> = fc.record({
  gateway: mostly("default/gw", ...NAMESPACES.flatMap((n) => GATEWAYS.map((g) => `${n}/${g}`))),
  request: fc.record(
    {
      protocol: mostly("HTTP", "HTTPS", "GRPC", "TLS", "TCP", "UDP"),
      host: fc.constantFrom("example.com", "foo.example.com", "FOO.example.com", "bar.com", "x.y", "", "example.com:80", "1.2.3.4"),
      port: mostly(80, 443, 8080),
      path: fc.constantFrom(...PATHS, "/api?x=1", "/api/../x", "relative"),
      method: fc.constantFrom("GET", "POST", "get"),
      headers: fc.record({ version: fc.constantFrom("two", "one"), "x-env": fc.constantFrom("canary") }, { requiredKeys: [] }),
      query: fc.record({ a: fc.constantFrom("1", "2") }, { requiredKeys: [] }),
      grpc: fc.record({ service: fc.constantFrom("pkg.Svc", "a.B"), method: fc.constantFrom("Get", "List") }),
    },
    { requiredKeys: ["host", "path"] },
  ),
}) as fc.Arbitrary<SimRequest>;

/** Configurations go through the parser (as JSON documents), as real input does. */
const asText = (objs: unknown[]) => objs.map((o) => JSON.stringify(o)).join("\n---\n");

describe("the engine on generated configurations", () => {
  it("simulate, buildGraph and match never throw, and the matcher never reports an internal error", () => {
    fc.assert(
      fc.property(config, fc.array(request, { minLength: 1, maxLength: 5 }), (objs, reqs) => {
        const loaded = load({ name: "gen.yaml", text: asText(objs) });
        const graph = buildGraph(loaded.model);
        const ids = new Set(graph.nodes.map((n) => n.id));
        for (const e of graph.edges) if (!ids.has(e.from) || !ids.has(e.to)) throw new Error(`dangling edge ${e.id}`);
        if (ids.size !== graph.nodes.length) throw new Error("two nodes with one id");
        if (new Set(graph.edges.map((e) => e.id)).size !== graph.edges.length) throw new Error("two edges with one id");
        for (const d of loaded.diagnostics) if (d.code === "internal") throw new Error(`internal diagnostic: ${d.message}`);
        for (const req of reqs) {
          const o = match(loaded.model, req);
          const err = o.trace.find((s) => s.step === "error");
          if (err) throw new Error(err.detail);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on resources whose fields hold anything", () => {
    const junk = fc.record({
      apiVersion: fc.constantFrom("gateway.networking.k8s.io/v1", "v1"),
      kind: fc.constantFrom("Gateway", "HTTPRoute", "GatewayClass", "ReferenceGrant", "Service", "GRPCRoute", "TLSRoute", "ListenerSet", "BackendTLSPolicy"),
      metadata: fc.record({ name: fc.constantFrom("gw", "r1", "svc-a"), namespace: opt(ns) }),
      spec: fc.jsonValue({ maxDepth: 4 }),
    });
    fc.assert(
      fc.property(fc.array(junk, { maxLength: 6 }), request, (objs, req) => {
        const loaded = load({ name: "junk.yaml", text: asText(objs) });
        buildGraph(loaded.model);
        match(loaded.model, req);
      }),
      { numRuns: RUNS },
    );
  });

  it("is deterministic: the same input gives the same status, graph and outcomes", () => {
    fc.assert(
      fc.property(config, fc.array(request, { minLength: 1, maxLength: 3 }), (objs, reqs) => {
        const text = asText(objs);
        const a = load({ name: "d.yaml", text });
        const b = load({ name: "d.yaml", text });
        expect(JSON.stringify([...b.model.status])).toBe(JSON.stringify([...a.model.status]));
        expect(JSON.stringify(b.diagnostics)).toBe(JSON.stringify(a.diagnostics));
        expect(JSON.stringify(buildGraph(b.model))).toBe(JSON.stringify(buildGraph(a.model)));
        for (const req of reqs) {
          const first = JSON.stringify(match(a.model, req));
          expect(JSON.stringify(match(a.model, req))).toBe(first);
          expect(JSON.stringify(match(b.model, req))).toBe(first);
        }
      }),
      { numRuns: RUNS / 2 },
    );
  });

  it("the indexed matcher and the naive matcher agree on status code and backend", () => {
    const httpRequest = request.map((r) => ({ ...r, request: { ...r.request, protocol: r.request.protocol === "HTTPS" ? ("HTTPS" as const) : ("HTTP" as const) } }));
    const seen = new Map<number, number>();
    fc.assert(
      fc.property(config, fc.array(httpRequest, { minLength: 1, maxLength: 5 }), (objs, reqs) => {
        const { model } = load({ name: "n.yaml", text: asText(objs) });
        for (const req of reqs) {
          const fast = match(model, req, { trace: false });
          const slow = naiveMatch(model, req);
          expect({ statusCode: fast.statusCode, backend: fast.backend }, JSON.stringify(req)).toEqual({ statusCode: slow.statusCode, backend: slow.backend });
          seen.set(fast.statusCode, (seen.get(fast.statusCode) ?? 0) + 1);
        }
      }),
      { numRuns: RUNS },
    );
    // The grammar must reach the interesting answers, not only 404s.
    console.log(`matcher agreement: outcomes by status ${JSON.stringify(Object.fromEntries([...seen].sort((a, b) => a[0] - b[0])))}`);
    expect(seen.get(200) ?? 0).toBeGreaterThan(10);
    expect(seen.get(404) ?? 0).toBeGreaterThan(10);
  });
});
