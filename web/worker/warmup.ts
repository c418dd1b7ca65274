/**
 * JIT warm-up of the edit path. The first edits of a session run code V8 has not optimised yet:
 * the incremental parse, the controller and graph patches, the snapshot interning and delta, the
 * matcher's patched index. Measured in Node, the first weight edit after loading 2,000 routes takes
 * 50–70 ms cold and 20–30 ms after this warm-up. Once, after the first load, the worker runs a
 * small configuration of its own through a few dozen such edits, one per task, so a request
 * arriving meanwhile is answered between two of them. Nothing is shared with the real engine.
 */
import { Engine } from "./engine";
import { Sender } from "./sender";
import type { SimRequest } from "../../src/model/request";

/** Edits run by the warm-up (each a task of its own). */
export const WARMUP_EDITS = 40;

/** A small configuration shaped like real ones: a Gateway, Services and weighted, filtered routes. */
export function warmupYaml(routes = 12): string {
  const docs = [
    `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: warm, namespace: warm}
spec:
  gatewayClassName: warm
  listeners:
  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
  - {name: https, port: 443, protocol: HTTPS, hostname: "*.warm.test", tls: {certificateRefs: [{name: cert}]}}`,
  ];
  for (let i = 0; i < routes; i++) {
    docs.push(`apiVersion: v1
kind: Service
metadata: {name: s${i}, namespace: warm}
spec: {ports: [{port: 80}]}`);
    docs.push(`# route ${i}
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r${i}, namespace: warm}
spec:
  parentRefs: [{name: warm}]
  hostnames: ["r${i}.warm.test"]
  rules:
  - matches: [{path: {type: PathPrefix, value: /api}, headers: [{name: x-canary, value: "true"}]}]
    filters: [{type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: x-r, value: "${i}"}]}}]
    backendRefs:
    - name: s${i}
      port: 80
      weight: 90
    - name: s${(i + 1) % routes}
      port: 80
      weight: 10
  - matches: [{path: {type: Exact, value: /healthz}, method: GET}]
    backendRefs: [{name: s${i}, port: 80}]`);
  }
  return docs.join("\n---\n") + "\n";
}

/**
 * Run the warm-up: `schedule` runs a function as a task of its own (setTimeout in the worker);
 * `done` is called after the last edit. Never throws (a failure only ends the warm-up).
 */
export function warmUp(schedule: (fn: () => void) => void, done?: () => void): void {
  const engine = new Engine();
  const sender = new Sender();
  const base = warmupYaml();
  const samples: SimRequest[] = [{ gateway: "warm/warm", request: { protocol: "HTTP", host: "r1.warm.test", path: "/api/x", headers: { "x-canary": "true" } } }];
  let version: number | undefined;
  let k = 0;
  const step = () => {
    try {
      // Alternate a weight of one route (the edit the patch paths take) and run the samples.
      const text = k === 0 ? base : base.replace("      weight: 10\n", `      weight: ${k % 2 ? 20 : 10}\n`);
      const snap = engine.load(text, "warmup.yaml", {});
      sender.message(k, snap, version);
      version = snap.version;
      engine.simulate(samples, true);
    } catch {
      return done?.();
    }
    if (++k <= WARMUP_EDITS) schedule(step);
    else done?.();
  };
  schedule(step);
}
