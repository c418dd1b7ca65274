// Perf sanity run for the controller (a scratch script, not a timed test):
//   node src/controller/testing/perf.mjs [routes=10000]
// Bundles src/controller with esbuild (from node_modules) and times simulate() on a synthetic
// configuration: 10 Gateways (2 listeners each), N HTTPRoutes with hostnames, a path match and two
// backendRefs; then again with half the routes pointing one backendRef at a missing Service (so
// conditions and diagnostics are exercised). Prints min and median of 30 runs each.
import { buildSync } from "esbuild";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";

const N = Number(process.argv[2] ?? 10000);
const out = join(tmpdir(), `switchyard-controller-${process.pid}.cjs`);
buildSync({ entryPoints: [fileURLToPath(new URL("../index.ts", import.meta.url))], bundle: true, format: "cjs", platform: "node", outfile: out, logLevel: "error" });
const { simulate } = createRequire(import.meta.url)(out);

const G = "gateway.networking.k8s.io";
function res(group, kind, namespace, name, spec) {
  const apiVersion = group ? `${group}/v1` : "v1";
  return { group, kind, namespace, name, apiVersion, version: "v1", namespaceAsWritten: namespace, metadata: { name, namespace }, spec, obj: { apiVersion, kind, metadata: { name, namespace }, spec }, known: true, source: { file: "<perf>", docIndex: 0, offset: 0, tree: null } };
}
function config(missing) {
const resources = [res("", "Service", "app", "svc", { ports: [{ port: 80 }] })];
for (let g = 0; g < 10; g++) {
  resources.push(res(G, "Gateway", "infra", `gw${g}`, {
    gatewayClassName: "c",
    listeners: [
      { name: "http", port: 80, protocol: "HTTP", hostname: "*.example.com", allowedRoutes: { namespaces: { from: "All" } } },
      { name: "other", port: 8080, protocol: "HTTP", allowedRoutes: { namespaces: { from: "Selector", selector: { matchLabels: { team: "a" } } } } },
    ],
  }));
}
for (let i = 0; i < N; i++) {
  resources.push(res(G, "HTTPRoute", "app", `r${i}`, {
    parentRefs: [{ name: `gw${i % 10}`, namespace: "infra" }],
    hostnames: [`h${i}.example.com`],
    rules: [{ matches: [{ path: { type: "PathPrefix", value: `/p${i}` } }], backendRefs: [{ name: "svc", port: 80 }, { name: missing && i % 2 === 0 ? "missing" : "svc", port: 80 }] }],
  }));
}
return resources;
}
for (const missing of [false, true]) {
  const resources = config(missing);
  const times = [];
  let model;
  for (let k = 0; k < 35; k++) {
    const t0 = performance.now();
    model = simulate(resources);
    if (k >= 5) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`simulate ${N} HTTPRoutes${missing ? ", half with a missing backend" : ""}: min ${times[0].toFixed(1)} ms, median ${times[times.length >> 1].toFixed(1)} ms (${model.relations.length} relations, ${model.diagnostics.length} diagnostics)`);
}
