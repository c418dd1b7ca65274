/**
 * Test support for the CLI tests: fixture files written to a temporary directory and `run`, which
 * calls `main` in-process with captured standard output and error. Not part of the built CLI.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "./cli";
import type { Io } from "./io";

export const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
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

export const ROUTES = `apiVersion: gateway.networking.k8s.io/v1
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

let dir = "";
/** A path inside the fixture directory. */
export const p = (...parts: string[]) => join(dir, ...parts);
/** The fixture directory (valid after setup()). */
export const fixtureDir = () => dir;

/** Write the fixture files; returns the cleanup. Use as `beforeAll(setup)`-style: `const done = setup()`. */
export function setup(): () => void {
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
  return () => rmSync(dir, { recursive: true, force: true });
}

/** Run the CLI in-process; standard input is `stdin`. */
export async function run(argv: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), stdin: () => stdin };
  const code = await main(argv, io);
  return { code, out, err };
}

export const OUTCOME_KEYS = ["statusCode", "backend", "backends", "listener", "route", "rule", "match", "requestHeaders", "path", "host", "redirect", "responseHeaders", "mirrors", "trace"];
/** `file:line:column: message` (no severity) — the bad-input format. */
export const BAD_INPUT_LINE = /^[^\s:][^:]*:\d+:\d+: .+$/;
