/** Backends, weights and filters. */
import { describe, it } from "vitest";
import { CONFIG, GRPC, ROUTE } from "./testing/fixtures";
import { runFailures, runRows, type EditRow } from "./testing/helpers";

const B = ["spec", "rules", 0, "backendRefs"];
const F = ["spec", "rules", 0, "filters"];

const ROWS: EditRow[] = [
  {
    name: "canary shift: two weights, comments kept",
    edit: { op: "setWeights", target: ROUTE, rule: 0, weights: [50, 50] },
    removed: ["      weight: 90 # stable", "      weight: 10"],
    added: ["      weight: 50 # stable", "      weight: 50"],
    expect: [["HTTPRoute", "store", [...B, 0, "weight"], 50], ["HTTPRoute", "store", [...B, 1, "weight"], 50]],
  },
  {
    name: "same weights: nothing changes",
    edit: { op: "setWeights", target: ROUTE, rule: 0, weights: [90, 10] },
    removed: [],
    added: [],
  },
  {
    name: "a weight that was absent is written after the port",
    edit: { op: "setWeights", target: ROUTE, rule: 1, weights: [0] },
    removed: [],
    added: ["      weight: 0"],
  },
  {
    name: "an absent weight set to its default 1 stays absent",
    edit: { op: "setWeights", target: ROUTE, rule: 1, weights: [1] },
    removed: [],
    added: [],
  },
  {
    name: "add a backend with the default port",
    edit: { op: "addBackend", target: ROUTE, rule: 1, backend: { name: "store-v2", weight: 5 } },
    removed: [],
    added: ["    - name: store-v2", "      port: 80", "      weight: 5"],
  },
  {
    name: "add a backend of another kind in another namespace",
    edit: { op: "addBackend", target: ROUTE, rule: 1, backend: { group: "gateway.networking.x-k8s.io", kind: "XBackend", name: "ext", namespace: "edge" }, index: 0 },
    removed: [],
    added: ["    - group: gateway.networking.x-k8s.io", "      kind: XBackend", "      name: ext", "      namespace: edge"],
  },
  {
    name: "change a backend's port",
    edit: { op: "updateBackend", target: ROUTE, rule: 1, backend: 0, patch: { port: 8081 } },
    removed: ["      port: 80"],
    added: ["      port: 8081"],
  },
  {
    name: "remove the canary",
    edit: { op: "removeBackend", target: ROUTE, rule: 0, backend: 1 },
    removed: ["    - name: cart-canary", "      port: 8080", "      weight: 10"],
    added: [],
  },
  {
    name: "add a RequestRedirect filter: the HTTPS redirect by default",
    edit: { op: "addFilter", target: ROUTE, rule: 1, filter: { type: "RequestRedirect" } },
    removed: ["  - backendRefs:"],
    added: ["  - filters:", "    - type: RequestRedirect", "      requestRedirect:", "        scheme: https", "        statusCode: 301", "    backendRefs:"],
  },
  {
    name: "add a URLRewrite filter with a configuration",
    edit: { op: "addFilter", target: ROUTE, rule: 0, filter: { type: "URLRewrite", urlRewrite: { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/" } } } },
    removed: [],
    added: ["    - type: URLRewrite", "      urlRewrite:", "        path:", "          type: ReplacePrefixMatch", "          replacePrefixMatch: /"],
    expect: [["HTTPRoute", "store", [...F, 1, "type"], "URLRewrite"]],
  },
  {
    name: "add a ResponseHeaderModifier first",
    edit: { op: "addFilter", target: ROUTE, rule: 0, index: 0, filter: { type: "ResponseHeaderModifier", responseHeaderModifier: { set: [{ name: "x-served-by", value: "store" }] } } },
    removed: [],
    added: ["    - type: ResponseHeaderModifier", "      responseHeaderModifier:", "        set:", "        - name: x-served-by", "          value: store"],
  },
  {
    name: "add a RequestMirror, a CORS and an ExtensionRef filter in one batch",
    edit: {
      op: "batch",
      edits: [
        { op: "addFilter", target: ROUTE, rule: 1, filter: { type: "RequestMirror", requestMirror: { backendRef: { name: "shadow", port: 80 }, percent: 10 } } },
        { op: "addFilter", target: ROUTE, rule: 1, filter: { type: "CORS" } },
        { op: "addFilter", target: ROUTE, rule: 1, filter: { type: "ExtensionRef", extensionRef: { group: "acme.io", kind: "Auth", name: "sso" } } },
      ],
    },
    removed: ["  - backendRefs:"],
    added: [
      "  - filters:",
      "    - type: RequestMirror",
      "      requestMirror:",
      "        backendRef:",
      "          name: shadow",
      "          port: 80",
      "        percent: 10",
      "    - type: CORS",
      "      cors:",
      "        allowOrigins:",
      `        - "*"`,
      "    - type: ExtensionRef",
      "      extensionRef:",
      "        group: acme.io",
      "        kind: Auth",
      "        name: sso",
      "    backendRefs:",
    ],
  },
  {
    name: "a filter on a backendRef",
    edit: { op: "addFilter", target: ROUTE, rule: 0, backend: 1, filter: { type: "RequestHeaderModifier", requestHeaderModifier: { set: [{ name: "x-canary", value: "true" }] } } },
    removed: [],
    added: ["      filters:", "      - type: RequestHeaderModifier", "        requestHeaderModifier:", "          set:", "          - name: x-canary", `            value: "true"`],
    expect: [["HTTPRoute", "store", [...B, 1, "filters", 0, "requestHeaderModifier", "set", 0, "value"], "true"]],
  },
  {
    name: "change a header modifier's value",
    edit: { op: "updateFilter", target: ROUTE, rule: 0, filter: 0, patch: { requestHeaderModifier: { add: [{ name: "x-shop", value: "2" }] } } },
    removed: [`          value: "1"`],
    added: [`          value: "2"`],
  },
  {
    name: "change a filter's type: its configuration moves to the new field",
    edit: { op: "updateFilter", target: ROUTE, rule: 0, filter: 0, patch: { type: "ResponseHeaderModifier" } },
    removed: ["    - type: RequestHeaderModifier", "      requestHeaderModifier:", "        add:", "        - name: x-shop", `          value: "1"`],
    added: ["    - type: ResponseHeaderModifier", "      responseHeaderModifier: {}"],
  },
  {
    name: "remove the only filter",
    edit: { op: "removeFilter", target: ROUTE, rule: 0, filter: 0 },
    removed: ["    filters:", "    - type: RequestHeaderModifier", "      requestHeaderModifier:", "        add:", "        - name: x-shop", `          value: "1"`],
    added: ["    filters: []"],
  },
  {
    name: "gRPC: a header modifier",
    edit: { op: "addFilter", target: GRPC, rule: 0, filter: { type: "RequestHeaderModifier" } },
    removed: [],
    added: ["    filters:", "    - type: RequestHeaderModifier", "      requestHeaderModifier: {}"],
  },
];

describe("backend and filter edits", () => runRows(CONFIG, ROWS, it));

describe("backend and filter edits that cannot apply", () =>
  runFailures(
    CONFIG,
    [
      { name: "weights of the wrong length", edit: { op: "setWeights", target: ROUTE, rule: 0, weights: [1] }, error: /2 backendRefs, 1 weights/ },
      { name: "a negative weight", edit: { op: "setWeights", target: ROUTE, rule: 0, weights: [-1, 1] }, error: /not a non-negative integer/ },
      { name: "a redirect on a gRPC route", edit: { op: "addFilter", target: GRPC, rule: 0, filter: { type: "RequestRedirect" } }, error: /GRPCRoute does not accept RequestRedirect/ },
      { name: "a backend that does not exist", edit: { op: "removeBackend", target: ROUTE, rule: 0, backend: 5 }, error: /backendRef 5 of rule 0 does not exist/ },
      { name: "a filter on a Service", edit: { op: "addFilter", target: { kind: "Service", name: "cart" }, rule: 0, filter: { type: "CORS" } }, error: /applies to HTTPRoute or GRPCRoute/ },
    ],
    it,
  ));
