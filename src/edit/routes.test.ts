/** Route edits: hostnames, rules, matches and parentRefs. */
import { describe, it } from "vitest";
import { CONFIG, GRPC, ROUTE } from "./testing/fixtures";
import { runFailures, runRows, type EditRow } from "./testing/helpers";

const R = (i: number): (string | number)[] => ["spec", "rules", i];

const ROWS: EditRow[] = [
  {
    name: "hostnames: one more",
    edit: { op: "setHostnames", target: ROUTE, hostnames: ["store.example.com", "shop.example.com"] },
    removed: [],
    added: ["  - shop.example.com"],
    expect: [["HTTPRoute", "store", ["spec", "hostnames"], ["store.example.com", "shop.example.com"]]],
  },
  {
    name: "hostnames: the first one changed keeps its quotes",
    edit: { op: "setHostnames", target: ROUTE, hostnames: ["*.store.example.com"] },
    removed: [`  - "store.example.com"`],
    added: [`  - "*.store.example.com"`],
  },
  {
    name: "hostnames: none removes the field",
    edit: { op: "setHostnames", target: ROUTE, hostnames: [] },
    removed: ["  hostnames:", `  - "store.example.com"`],
    added: [],
    expect: [["HTTPRoute", "store", ["spec", "hostnames"], undefined]],
  },
  {
    name: "hostnames on a route without any: placed between parentRefs and rules",
    edit: { op: "setHostnames", target: GRPC, hostnames: ["rpc.example.com"] },
    removed: [],
    added: ["  hostnames:", "  - rpc.example.com"],
    expect: [["GRPCRoute", "rpc", ["spec", "hostnames"], ["rpc.example.com"]]],
  },
  {
    name: "add a rule with the default match",
    edit: { op: "addRule", target: ROUTE },
    removed: [],
    added: ["  - matches:", "    - path:", "        type: PathPrefix", "        value: /", "    backendRefs: []"],
    expect: [["HTTPRoute", "store", [...R(2), "matches", 0, "path", "value"], "/"]],
  },
  {
    name: "add a given rule first",
    edit: { op: "addRule", target: ROUTE, rule: { name: "health", matches: [{ path: { type: "Exact", value: "/healthz" } }] }, index: 0 },
    removed: [],
    added: ["  - name: health", "    matches:", "    - path:", "        type: Exact", "        value: /healthz"],
    expect: [["HTTPRoute", "store", [...R(0), "name"], "health"], ["HTTPRoute", "store", [...R(1), "matches", 0, "path", "value"], "/cart"]],
  },
  {
    name: "change a rule with a merge patch",
    edit: { op: "updateRule", target: ROUTE, rule: 1, patch: { timeouts: { request: "10s" } } },
    removed: [],
    added: ["    timeouts:", "      request: 10s"],
  },
  {
    name: "remove a rule",
    edit: { op: "removeRule", target: ROUTE, rule: 1 },
    removed: ["  - backendRefs:", "    - name: store", "      port: 80"],
    added: [],
  },
  {
    name: "reorder rules",
    edit: { op: "moveRule", target: ROUTE, from: 1, to: 0 },
    removed: ["  - backendRefs:", "    - name: store", "      port: 80"],
    added: ["  - backendRefs:", "    - name: store", "      port: 80"],
    expect: [["HTTPRoute", "store", [...R(0), "backendRefs", 0, "name"], "store"]],
  },
  {
    name: "add a header match to a rule without matches",
    edit: { op: "addMatch", target: ROUTE, rule: 1, match: { headers: [{ name: "x-beta", value: "yes" }] } },
    // matches goes before backendRefs, so it takes the item's first line.
    removed: ["  - backendRefs:"],
    added: ["  - matches:", "    - headers:", "      - name: x-beta", `        value: "yes"`, "    backendRefs:"],
    expect: [["HTTPRoute", "store", [...R(1), "matches", 0, "headers", 0, "value"], "yes"]],
  },
  {
    name: "change a path match type and value",
    edit: { op: "updateMatch", target: ROUTE, rule: 0, match: 0, patch: { path: { type: "Exact", value: "/cart/checkout" } } },
    removed: ["        type: PathPrefix", "        value: /cart"],
    added: ["        type: Exact", "        value: /cart/checkout"],
  },
  {
    name: "drop the method of a match, add query params",
    edit: { op: "updateMatch", target: ROUTE, rule: 0, match: 0, patch: { method: null, queryParams: [{ name: "v", value: "2" }] } },
    removed: ["      method: GET"],
    added: ["      queryParams:", "      - name: v", `        value: "2"`],
  },
  {
    name: "remove the only match: an empty list stays",
    edit: { op: "removeMatch", target: ROUTE, rule: 0, match: 0 },
    removed: ["  - matches:", "    - path:", "        type: PathPrefix", "        value: /cart", "      method: GET"],
    added: ["  - matches: []"],
  },
  {
    name: "gRPC: change the service and add a method",
    edit: { op: "updateMatch", target: GRPC, rule: 0, match: 0, patch: { method: { service: "shop.v2.Cart", method: "Add" } } },
    removed: ["        service: shop.Cart"],
    added: ["        service: shop.v2.Cart", "        method: Add"],
  },
  {
    name: "gRPC: a default match",
    edit: { op: "addMatch", target: GRPC, rule: 0 },
    removed: [],
    added: ["    - method:", "        type: Exact", "        service: example.v1.Service"],
  },
  {
    name: "add a parentRef with a port",
    edit: { op: "addParentRef", target: ROUTE, parentRef: { name: "internal", namespace: "infra", port: 8080 } },
    removed: [],
    added: ["  - name: internal", "    namespace: infra", "    port: 8080"],
    expect: [["HTTPRoute", "store", ["spec", "parentRefs", 1, "port"], 8080]],
  },
  {
    name: "change a parentRef's sectionName",
    edit: { op: "updateParentRef", target: ROUTE, index: 0, patch: { sectionName: "http" } },
    removed: ["    sectionName: https"],
    added: ["    sectionName: http"],
  },
  {
    name: "remove the only parentRef",
    edit: { op: "removeParentRef", target: ROUTE, index: 0 },
    removed: ["  parentRefs:", "  - name: edge", "    namespace: infra", "    sectionName: https"],
    added: ["  parentRefs: []"],
  },
];

describe("route edits", () => runRows(CONFIG, ROWS, it));

describe("route edits that cannot apply", () =>
  runFailures(
    CONFIG,
    [
      { name: "hostnames on a Gateway", edit: { op: "setHostnames", target: { kind: "Gateway", name: "edge" }, hostnames: ["a"] }, error: /applies to HTTPRoute/ },
      { name: "a rule that does not exist", edit: { op: "removeRule", target: ROUTE, rule: 9 }, error: /rule 9 does not exist/ },
      { name: "an HTTP field on a gRPC match", edit: { op: "addMatch", target: GRPC, rule: 0, match: { path: { value: "/" } } }, error: /GRPCRoute matches have no field path/ },
      { name: "a match that does not exist", edit: { op: "updateMatch", target: ROUTE, rule: 0, match: 4, patch: { method: "PUT" } }, error: /match 4 of rule 0 does not exist/ },
    ],
    it,
  ));
