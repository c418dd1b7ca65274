/** The `switchyard` CLI contract (DESIGN.md): route, status, help and usage errors, and the built bin. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { BAD_INPUT_LINE, GATEWAY, OUTCOME_KEYS, ROUTES, fixtureDir, p, run, setup } from "./cli-fixtures";

let cleanup = () => {};
beforeAll(() => {
  cleanup = setup();
});
afterAll(() => cleanup());

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
    expect(lines.map((l) => l.replace(fixtureDir(), "DIR").split(":").slice(0, 2).join(":"))).toEqual(["DIR/bad-requests.jsonl:2", "DIR/bad-requests.jsonl:3"]);
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

  it("says each parent's kind, a mesh parent's controllerName and a Gateway's attached ListenerSets", async () => {
    const yaml = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: cls}
spec: {controllerName: example.com/gw}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: cls
  allowedListeners: {namespaces: {from: All}}
  listeners: [{name: web, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: team, namespace: apps}
spec:
  parentRef: {name: gw, namespace: infra}
  listeners: [{name: app, port: 8080, protocol: HTTP}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: apps}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: via-set, namespace: apps}
spec:
  parentRefs: [{kind: ListenerSet, name: team}, {name: gw, namespace: infra}]
  rules: [{backendRefs: [{name: api, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: mesh, namespace: apps}
spec:
  parentRefs: [{group: "", kind: Service, name: api, port: 80}]
  rules: [{backendRefs: [{name: api, port: 80}]}]
`;
    const r = await run(["status", "-f", "-", "--json"], yaml);
    expect(r.code).toBe(0);
    type Parent = { parentRef: string; parentKind: string; controllerName?: string; conditions: { type: string; status: string }[] };
    const list = JSON.parse(r.out) as { kind: string; name: string; parents?: Parent[]; attachedListenerSets?: number }[];
    const get = (kind: string, name: string) => list.find((x) => x.kind === kind && x.name === name)!;
    expect(get("Gateway", "gw").attachedListenerSets).toBe(1);
    expect(get("HTTPRoute", "via-set").parents!.map((x) => [x.parentRef, x.parentKind])).toEqual([
      ["apps/team", "ListenerSet"],
      ["infra/gw", "Gateway"],
    ]);
    expect(get("HTTPRoute", "via-set").parents![0].controllerName).toBeUndefined();
    const mesh = get("HTTPRoute", "mesh").parents![0];
    expect([mesh.parentKind, typeof mesh.controllerName]).toEqual(["Service", "string"]);
    expect(Object.keys(mesh)).toEqual(["parentRef", "parentKind", "controllerName", "conditions"]);
    const table = await run(["status", "-f", "-"], yaml);
    expect(table.out).toMatch(/^ {2}attached ListenerSets: 1$/m);
    expect(table.out).toMatch(/^ {2}parent ListenerSet apps\/team: Accepted=True/m);
    expect(table.out).toMatch(/^ {2}parent Service apps\/api:80: /m);
  });

  it("exit 2 on invalid YAML", async () => {
    const r = await run(["status", "-f", p("bad.yaml"), "--json"]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err.trimEnd()).toMatch(BAD_INPUT_LINE);
  });
});

describe("commands, help and usage errors", () => {
  it.each(["diff"])("%s is not implemented yet: exit 2", async (cmd) => {
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
