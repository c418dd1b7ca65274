/** The `switchyard` CLI contract (DESIGN.md): every command, its output shapes and its exit statuses. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { main } from "./cli";
import type { Io } from "./io";

const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: cls
spec:
  controllerName: example.com/controller
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: infra
spec:
  gatewayClassName: cls
  listeners:
  - name: http
    protocol: HTTP
    port: 80
    allowedRoutes:
      namespaces:
        from: All
`;

const ROUTES = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: apps
spec:
  parentRefs:
  - name: gw
    namespace: infra
  hostnames: ["example.com"]
  rules:
  - matches:
    - path: {type: PathPrefix, value: /api}
    backendRefs:
    - {name: api, port: 8080}
  - backendRefs:
    - {name: web, port: 80, weight: 3}
    - {name: web-canary, port: 80, weight: 1}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: apps}
spec: {ports: [{port: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: apps}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web-canary, namespace: apps}
spec: {ports: [{port: 80}]}
`;

const BROKEN_ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: lost
  namespace: apps
spec:
  parentRefs:
  - name: nowhere
    namespace: infra
  rules:
  - backendRefs:
    - {name: api, port: 8080}
`;

const BAD_YAML = `apiVersion: v1
kind: Service
metadata:
  name: x
  labels: {a: 1
`;

const WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
`;

let dir: string;
const p = (...parts: string[]) => join(dir, ...parts);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "switchyard-cli-"));
  mkdirSync(p("config", "nested"), { recursive: true });
  writeFileSync(p("config", "b-gateway.yaml"), GATEWAY);
  writeFileSync(p("config", "nested", "routes.yml"), ROUTES);
  writeFileSync(p("config", "README.md"), "not a manifest: ignored\n");
  mkdirSync(p("empty"));
  writeFileSync(p("broken-route.yaml"), BROKEN_ROUTE);
  writeFileSync(p("bad.yaml"), BAD_YAML);
  writeFileSync(p("widget.yaml"), WIDGET);
  writeFileSync(p("requests.jsonl"), [
    '{"gateway":"infra/gw","request":{"host":"example.com","path":"/api/v1"}}',
    "",
    '{"gateway":"infra/gw","request":{"host":"other.example","path":"/"}}',
    '{"gateway":"infra/gw","request":{"host":"example.com","path":"/"}}',
  ].join("\n") + "\n");
  writeFileSync(p("bad-requests.jsonl"), '{"gateway":"infra/gw","request":{}}\n{"gateway": infra}\n[1]\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), stdin: () => stdin };
  const code = await main(argv, io);
  return { code, out, err };
}

const OUTCOME_KEYS = ["statusCode", "backend", "backends", "listener", "route", "rule", "match", "requestHeaders", "path", "host", "redirect", "responseHeaders", "mirrors", "trace"];
/** `file:line:column: message` (no severity) — the bad-input format. */
const BAD_INPUT_LINE = /^[^\s:][^:]*:\d+:\d+: .+$/;

describe("switchyard route", () => {
  it("prints one Outcome for --request", async () => {
    const r = await run(["route", "-f", p("config"), "--request", '{"gateway":"infra/gw","request":{"host":"example.com","path":"/api/x"}}']);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const o = JSON.parse(r.out);
    for (const k of OUTCOME_KEYS) expect(o, k).toHaveProperty(k);
    expect([o.statusCode, o.backend, o.route, o.rule, o.listener]).toEqual([200, "apps/api", "HTTPRoute/apps/web", 0, "infra/gw/http"]);
    expect(o.trace.length).toBeGreaterThan(0);
    for (const s of o.trace) expect(Object.keys(s).sort()).toEqual(["detail", "refs", "step"]);
  });

  it("gives the weighted backends of a split", async () => {
    const r = await run(["route", "-f", p("config"), "--request=" + '{"gateway":"infra/gw","request":{"host":"example.com","path":"/"}}']);
    const o = JSON.parse(r.out);
    expect(o.backend).toBeNull();
    expect(o.backends.map((b: { name: string; probability: number }) => [b.name, b.probability])).toEqual([["web", 0.75], ["web-canary", 0.25]]);
  });

  it("prints one Outcome per line for --batch, in order, skipping blank lines", async () => {
    const r = await run(["route", "-f", p("config", "b-gateway.yaml"), "-f", p("config", "nested"), "--batch", p("requests.jsonl")]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => JSON.parse(l).statusCode)).toEqual([200, 404, 200]);
    expect(JSON.parse(lines[0]).backend).toBe("apps/api");
  });

  it("reads the configuration from standard input with -f -", async () => {
    const r = await run(["route", "-f", "-", "--request", '{"gateway":"infra/gw","request":{"host":"example.com","path":"/api"}}'], `${GATEWAY}---\n${ROUTES}`);
    expect(JSON.parse(r.out).backend).toBe("apps/api");
  });

  it.each([
    { name: "invalid JSON request", argv: ["--request", '{"gateway": '], err: /^--request:1:\d+: invalid JSON/ },
    { name: "request not an object", argv: ["--request", "[1,2]"], err: /^--request:1:1: a request must be a JSON object/ },
    { name: "request field of the wrong type", argv: ["--request", '{"gateway":"infra/gw","request":"GET /"}'], err: /"request" must be an object/ },
    { name: "neither --request nor --batch", argv: [], err: /give exactly one of --request JSON or --batch/ },
    { name: "unreadable batch file", argv: ["--batch", "/nonexistent/requests.jsonl"], err: /^\/nonexistent\/requests\.jsonl:1:1: cannot read: no such file or directory$/m },
  ])("exit 2 on $name", async ({ argv, err }) => {
    const r = await run(["route", "-f", p("config"), ...argv]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(err);
    for (const line of r.err.trimEnd().split("\n")) expect(line).toMatch(BAD_INPUT_LINE);
  });

  it("reports every bad line of a batch with its line number", async () => {
    const r = await run(["route", "-f", p("config"), "--batch", p("bad-requests.jsonl")]);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split("\n");
    expect(lines.map((l) => l.replace(dir, "DIR").split(":").slice(0, 2).join(":"))).toEqual(["DIR/bad-requests.jsonl:2", "DIR/bad-requests.jsonl:3"]);
  });

  it.each([
    { name: "a missing file", files: ["/nonexistent/x.yaml"], err: "/nonexistent/x.yaml:1:1: cannot read: no such file or directory" },
    { name: "an empty directory", files: ["EMPTY"], err: "EMPTY:1:1: no *.yaml, *.yml or *.json files in this directory" },
    { name: "invalid YAML", files: ["BAD"], err: "BAD:6:1: Flow map in block collection must be sufficiently indented and end with a }" },
  ])("exit 2 on $name, file:line:column on stderr", async ({ files, err }) => {
    const map = (f: string) => (f === "EMPTY" ? p("empty") : f === "BAD" ? p("bad.yaml") : f);
    const r = await run(["route", ...files.flatMap((f) => ["-f", map(f)]), "--request", '{"gateway":"infra/gw","request":{}}']);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trimEnd()).toBe(err.replace("EMPTY", p("empty")).replace("BAD", p("bad.yaml")));
  });
});

describe("switchyard status", () => {
  it("prints every resource's status in the DESIGN shape with --json", async () => {
    const r = await run(["status", "-f", p("config"), "--json"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Record<string, unknown>[];
    const byId = new Map(list.map((s) => [`${s.kind}/${s.namespace}/${s.name}`, s]));
    expect([...byId.keys()]).toEqual(expect.arrayContaining(["GatewayClass//cls", "Gateway/infra/gw", "HTTPRoute/apps/web"]));
    for (const s of list) {
      for (const c of s.conditions as object[]) expect(Object.keys(c)).toEqual(["type", "status", "reason", "message"]);
    }
    const gw = byId.get("Gateway/infra/gw") as { listeners: { name: string; attachedRoutes: number; supportedKinds: unknown[]; conditions: { type: string; status: string }[] }[] };
    expect(gw.listeners.map((l) => [l.name, l.attachedRoutes])).toEqual([["http", 1]]);
    expect(Object.keys(gw.listeners[0])).toEqual(["name", "attachedRoutes", "supportedKinds", "conditions"]);
    expect(gw.listeners[0].conditions.find((c) => c.type === "Accepted")?.status).toBe("True");
    const route = byId.get("HTTPRoute/apps/web") as { parents: { parentRef: string; conditions: { type: string; status: string }[] }[] };
    expect(route.parents.map((x) => x.parentRef)).toEqual(["infra/gw"]);
    expect(route.parents[0].conditions.map((c) => `${c.type}=${c.status}`)).toEqual(expect.arrayContaining(["Accepted=True", "ResolvedRefs=True"]));
  });

  it("prints a readable table without --json", async () => {
    const r = await run(["status", "-f", p("config")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Gateway infra\/gw\s+Accepted=True/m);
    expect(r.out).toMatch(/^ {2}listener http \(1 route\): Accepted=True/m);
    expect(r.out).toMatch(/^ {2}parent infra\/gw: Accepted=True/m);
  });

  it("says why a route is not accepted", async () => {
    const r = await run(["status", "-f", p("config"), "-f", p("broken-route.yaml"), "--json"]);
    const lost = (JSON.parse(r.out) as { name: string; parents: { conditions: { type: string; status: string; reason: string }[] }[] }[]).find((s) => s.name === "lost")!;
    expect(lost.parents[0].conditions.find((c) => c.type === "Accepted")).toMatchObject({ status: "False" });
  });

  it("exit 2 on invalid YAML", async () => {
    const r = await run(["status", "-f", p("bad.yaml"), "--json"]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err.trimEnd()).toMatch(BAD_INPUT_LINE);
  });
});

describe("switchyard validate", () => {
  const DIAG_LINE = /^.+:\d+:\d+: (error|warning|info): .+$/;

  it("exit 0 and no output lines when clean", async () => {
    const r = await run(["validate", "-f", p("config")]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/0 errors, 0 warnings in 2 files/);
  });

  it("exit 1 with file:line:column: severity: message for each problem", async () => {
    const r = await run(["validate", "-f", p("config"), "-f", p("broken-route.yaml"), "-f", p("bad.yaml")]);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split("\n");
    for (const l of lines) expect(l).toMatch(DIAG_LINE);
    expect(lines).toContain(`${p("bad.yaml")}:6:1: error: Flow map in block collection must be sufficiently indented and end with a }`);
    expect(lines.some((l) => l.startsWith(`${p("broken-route.yaml")}:8:`) || l.startsWith(`${p("broken-route.yaml")}:7:`))).toBe(true);
  });

  it("shows info lines but they are not problems", async () => {
    const r = await run(["validate", "-f", p("widget.yaml")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/widget\.yaml:2:7: info: Widget \(example\.com\/v1\) is not a kind Switchyard models/);
  });

  it("--json: one entry per input file, clean files included", async () => {
    const r = await run(["validate", "-f", p("config"), "-f", p("bad.yaml"), "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { file: string; diagnostics: Record<string, unknown>[] }[];
    expect(report.map((e) => e.file)).toEqual([p("config", "b-gateway.yaml"), p("config", "nested", "routes.yml"), p("bad.yaml")]);
    expect(report[0].diagnostics).toEqual([]);
    expect(report[2].diagnostics).toEqual([{ line: 6, column: 1, severity: "error", code: "yaml-syntax", message: "Flow map in block collection must be sufficiently indented and end with a }" }]);
  });

  it("--each: every file on its own; a bad file does not stop the others", async () => {
    const together = JSON.parse((await run(["validate", "-f", p("config"), "--json"])).out) as { diagnostics: unknown[] }[];
    expect(together[1].diagnostics).toEqual([]);
    const r = await run(["validate", "-f", p("bad.yaml"), "-f", p("config"), "--each", "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { file: string; diagnostics: { severity: string; code: string }[] }[];
    expect(report.map((e) => e.file)).toEqual([p("bad.yaml"), p("config", "b-gateway.yaml"), p("config", "nested", "routes.yml")]);
    expect(report[0].diagnostics.map((d) => d.code)).toEqual(["yaml-syntax"]);
    // On its own, the routes file's Gateway is missing: that is now reported.
    expect(report[2].diagnostics.length).toBeGreaterThan(0);
  });

  it("--each: an unreadable file is reported in its place, the others still checked", async () => {
    const r = await run(["validate", "--each", "-f", "/nonexistent/gone.yaml", "-f", p("widget.yaml"), "--json"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("/nonexistent/gone.yaml:1:1: cannot read: no such file or directory\n");
    const report = JSON.parse(r.out) as { file: string; diagnostics: { code: string }[] }[];
    expect(report.map((e) => [e.file, e.diagnostics.map((d) => d.code)])).toEqual([[p("widget.yaml"), ["unknown-kind"]], ["/nonexistent/gone.yaml", ["unreadable"]]]);
  });

  it("exit 2 when the input cannot be read at all", async () => {
    const r = await run(["validate", "-f", "/nonexistent/gone.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("/nonexistent/gone.yaml:1:1: cannot read: no such file or directory\n");
    expect((await run(["validate", "--each", "-f", "/nonexistent/gone.yaml"])).code).toBe(2);
    expect((await run(["validate"])).code).toBe(2);
  });
});

describe("switchyard graph", () => {
  it("prints the graph as JSON (the default format)", async () => {
    for (const argv of [["graph", "-f", p("config"), "--format", "json"], ["graph", "-f", p("config")]]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      const g = JSON.parse(r.out) as { nodes: { id: string; rank: number }[]; edges: { type: string; from: string; to: string; percent?: number }[]; groups: { id: string }[] };
      const ranks = Object.fromEntries(g.nodes.map((n) => [n.id, n.rank]));
      expect(ranks).toMatchObject({ "GatewayClass/cls": 0, "Gateway/infra/gw": 1, "Listener/infra/gw/http": 2, "HTTPRoute/apps/web": 3, "Service/apps/web": 4 });
      expect(g.edges.filter((e) => e.type === "backendRef" && e.from === "HTTPRoute/apps/web").map((e) => [e.to, e.percent])).toEqual([["Service/apps/api", 100], ["Service/apps/web", 75], ["Service/apps/web-canary", 25]]);
      expect(g.edges.some((e) => e.type === "parentRef" && e.from === "HTTPRoute/apps/web" && e.to === "Listener/infra/gw/http")).toBe(true);
      expect(g.groups.map((x) => x.id)).toEqual(["Namespace/apps", "Namespace/infra"]);
    }
  });

  it("prints Graphviz dot", async () => {
    const r = await run(["graph", "-f", p("config"), "--format", "dot"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^digraph switchyard \{/);
    expect(r.out).toContain('"HTTPRoute/apps/web" -> "Service/apps/web" [label="75%"];');
  });

  it.each([
    { format: "svg", err: /not yet supported/ },
    { format: "png", err: /unknown format "png"/ },
  ])("exit 2 for --format $format", async ({ format, err }) => {
    const r = await run(["graph", "-f", p("config"), "--format", format]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(err);
  });
});

describe("commands, help and usage errors", () => {
  it.each(["diff", "serve"])("%s is not implemented yet: exit 2", async (cmd) => {
    const r = await run([cmd, "-f", p("config")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not implemented yet/);
  });

  it.each(["route", "status", "validate", "graph", "diff", "serve"])("%s --help", async (cmd) => {
    const r = await run([cmd, "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage: switchyard ${cmd}`));
    expect((await run(["help", cmd])).out).toBe(r.out);
  });

  it.each([
    { argv: ["--help"], code: 0, stream: "out", text: /^Usage: switchyard <command>/ },
    { argv: [], code: 2, stream: "err", text: /^Usage: switchyard <command>/ },
    { argv: ["launch"], code: 2, stream: "err", text: /unknown command "launch"/ },
    { argv: ["route", "--bogus"], code: 2, stream: "err", text: /route: unknown option --bogus/ },
    { argv: ["route", "-f"], code: 2, stream: "err", text: /-f needs a value/ },
    { argv: ["status", "stray.yaml"], code: 2, stream: "err", text: /unexpected argument "stray.yaml"/ },
    { argv: ["route", "--request", "{}", "--request", "{}"], code: 2, stream: "err", text: /--request given more than once/ },
    { argv: ["--version"], code: 0, stream: "out", text: /^switchyard \d+\.\d+\.\d+/ },
  ])("$argv → exit $code", async ({ argv, code, stream, text }) => {
    const r = await run(argv);
    expect(r.code).toBe(code);
    expect(stream === "out" ? r.out : r.err).toMatch(text);
  });
});

const ROOT = join(import.meta.dirname, "..", "..");
const BUILT = existsSync(join(ROOT, "dist", "cli", "switchyard.js"));

describe.skipIf(!BUILT)("the built bin (node bin/switchyard.js)", () => {
  it("answers a request and sets the exit status", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "switchyard.js"), "route", "-f", p("config"), "--request", '{"gateway":"infra/gw","request":{"host":"example.com","path":"/api"}}'], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).backend).toBe("apps/api");
    const v = spawnSync(process.execPath, [join(ROOT, "bin", "switchyard.js"), "validate", "-f", p("bad.yaml")], { encoding: "utf8" });
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(/bad\.yaml:6:1: error: /);
    const bad = spawnSync(process.execPath, [join(ROOT, "bin", "switchyard.js"), "status", "-f", "/nonexistent"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("/nonexistent:1:1: cannot read: no such file or directory\n");
  });
});
