/** Gateway listener edits: add, change, remove, reorder, frontend validation. */
import { describe, it } from "vitest";
import { CONFIG, GW } from "./testing/fixtures";
import { runFailures, runRows, type EditRow } from "./testing/helpers";

const L = (i: number): (string | number)[] => ["spec", "listeners", i];

const ROWS: EditRow[] = [
  {
    name: "add a listener with defaults: a unique name, port 80, HTTP",
    edit: { op: "addListener", target: GW },
    removed: [],
    added: ["  - name: http-2", "    port: 80", "    protocol: HTTP"],
    expect: [["Gateway", "edge", [...L(2), "name"], "http-2"]],
  },
  {
    name: "add an HTTPS listener: port 443 and a TLS block with a placeholder certificate",
    edit: { op: "addListener", target: GW, listener: { name: "api", protocol: "HTTPS", hostname: "api.example.com" }, index: 1 },
    removed: [],
    added: ["  - name: api", "    hostname: api.example.com", "    port: 443", "    protocol: HTTPS", "    tls:", "      mode: Terminate", "      certificateRefs:", "      - kind: Secret", "        name: api-tls"],
    expect: [["Gateway", "edge", [...L(1), "tls", "mode"], "Terminate"], ["Gateway", "edge", [...L(2), "name"], "https"]],
  },
  {
    name: "change the port: one line",
    edit: { op: "updateListener", target: GW, listener: "http", changes: { port: 8080 } },
    removed: ["    port: 80"],
    added: ["    port: 8080"],
  },
  {
    name: "set a hostname: placed after the name",
    edit: { op: "updateListener", target: GW, listener: "http", changes: { hostname: "www.example.com" } },
    removed: [],
    added: ["    hostname: www.example.com"],
    expect: [["Gateway", "edge", [...L(0), "hostname"], "www.example.com"]],
  },
  {
    name: "remove a hostname",
    edit: { op: "updateListener", target: GW, listener: "https", changes: { hostname: null } },
    removed: [`    hostname: "*.example.com"`],
    added: [],
  },
  {
    name: "HTTPS to HTTP drops the TLS block (tls must not be specified for HTTP)",
    edit: { op: "updateListener", target: GW, listener: "https", changes: { protocol: "HTTP", port: 80 } },
    removed: ["    port: 443", "    protocol: HTTPS", "    tls:", "      mode: Terminate", "      certificateRefs:", "      - name: wildcard-cert # issued by acme"],
    added: ["    port: 80", "    protocol: HTTP"],
    dropsComments: true,
  },
  {
    name: "HTTPS to TLS passthrough",
    edit: { op: "updateListener", target: GW, listener: "https", changes: { protocol: "TLS", tlsMode: "Passthrough", certificateRefs: null } },
    removed: ["    protocol: HTTPS", "      mode: Terminate", "      certificateRefs:", "      - name: wildcard-cert # issued by acme"],
    added: ["    protocol: TLS", "      mode: Passthrough"],
    dropsComments: true,
  },
  {
    name: "HTTP to TCP drops nothing it does not have",
    edit: { op: "updateListener", target: GW, listener: "http", changes: { protocol: "TCP" } },
    removed: ["    protocol: HTTP"],
    added: ["    protocol: TCP"],
  },
  {
    name: "replace certificateRefs",
    edit: { op: "updateListener", target: GW, listener: "https", changes: { certificateRefs: [{ name: "new-cert", namespace: "certs" }] } },
    removed: ["      - name: wildcard-cert # issued by acme"],
    added: ["      - name: new-cert", "        namespace: certs"],
    dropsComments: true,
  },
  {
    name: "allowedRoutes: from Selector with a selector",
    edit: { op: "updateListener", target: GW, listener: "http", changes: { allowedNamespaces: { from: "Selector", selector: { matchLabels: { team: "shop" } } } } },
    removed: ["        from: All"],
    added: ["        from: Selector", "        selector:", "          matchLabels:", "            team: shop"],
  },
  {
    name: "allowedRoutes: kinds added",
    edit: { op: "updateListener", target: GW, listener: "http", changes: { allowedKinds: [{ kind: "HTTPRoute" }] } },
    removed: [],
    added: ["      kinds:", "      - kind: HTTPRoute"],
    expect: [["Gateway", "edge", [...L(0), "allowedRoutes", "kinds"], [{ kind: "HTTPRoute" }]]],
  },
  {
    name: "allowedRoutes on a listener without one",
    edit: { op: "updateListener", target: GW, listener: "https", changes: { allowedNamespaces: { from: "Same" } } },
    removed: [],
    added: ["    allowedRoutes:", "      namespaces:", "        from: Same"],
  },
  {
    name: "rename a listener: the parentRef sectionName that names it follows",
    edit: { op: "updateListener", target: GW, listener: "https", changes: { name: "secure" } },
    removed: ["  - name: https", "    sectionName: https"],
    added: ["  - name: secure", "    sectionName: secure"],
    expect: [["HTTPRoute", "store", ["spec", "parentRefs", 0, "sectionName"], "secure"], ["GRPCRoute", "rpc", ["spec", "parentRefs", 0, "sectionName"], "http"]],
  },
  {
    name: "remove a listener (its leading comment stays)",
    edit: { op: "removeListener", target: GW, listener: "http" },
    removed: ["  - name: http", "    port: 80", "    protocol: HTTP", "    allowedRoutes:", "      namespaces:", "        from: All"],
    added: [],
  },
  {
    name: "move a listener: the comment above it moves along",
    edit: { op: "moveListener", target: GW, listener: "https", to: 0 },
    removed: ["  # plain HTTP", "  - name: http", "    port: 80", "    protocol: HTTP", "    allowedRoutes:", "      namespaces:", "        from: All"],
    added: ["  # plain HTTP", "  - name: http", "    port: 80", "    protocol: HTTP", "    allowedRoutes:", "      namespaces:", "        from: All"],
    expect: [["Gateway", "edge", [...L(0), "name"], "https"]],
  },
  {
    name: "frontend validation for every HTTPS listener",
    edit: { op: "setFrontendValidation", target: GW, validation: { caCertificateRefs: [{ name: "client-ca" }] } },
    removed: [],
    added: ["  tls:", "    frontend:", "      default:", "        validation:", "          caCertificateRefs:", `          - group: ""`, "            kind: ConfigMap", "            name: client-ca"],
    expect: [["Gateway", "edge", ["spec", "tls", "frontend", "default", "validation", "caCertificateRefs", 0, "name"], "client-ca"]],
  },
  {
    name: "frontend validation for one port",
    edit: { op: "setFrontendValidation", target: GW, port: 443, validation: { caCertificateRefs: [{ name: "ca" }], mode: "AllowInsecureFallback" } },
    removed: [],
    added: ["  tls:", "    frontend:", "      perPort:", "      - port: 443", "        tls:", "          validation:", "            caCertificateRefs:", `            - group: ""`, "              kind: ConfigMap", "              name: ca", "            mode: AllowInsecureFallback"],
  },
  {
    name: "removing frontend validation that is not there changes nothing",
    edit: { op: "setFrontendValidation", target: GW, validation: null },
    removed: [],
    added: [],
  },
];

describe("listener edits", () => runRows(CONFIG, ROWS, it));

describe("frontend validation removed again", () => {
  const withFv = CONFIG.replace("  gatewayClassName: acme\n", "  gatewayClassName: acme\n  tls:\n    frontend:\n      default:\n        validation:\n          caCertificateRefs:\n          - {group: '', kind: ConfigMap, name: ca}\n");
  runRows(withFv, [{ name: "the emptied tls block goes too", edit: { op: "setFrontendValidation", target: GW, validation: null }, removed: ["  tls:", "    frontend:", "      default:", "        validation:", "          caCertificateRefs:", "          - {group: '', kind: ConfigMap, name: ca}"], added: [] }], it);
});

describe("listener edits that cannot apply", () =>
  runFailures(
    CONFIG,
    [
      { name: "a listener of a route", edit: { op: "addListener", target: { kind: "HTTPRoute", name: "store" } }, error: /applies to Gateway or ListenerSet/ },
      { name: "a duplicate name", edit: { op: "addListener", target: GW, listener: { name: "https" } }, error: /already exists/ },
      { name: "renaming onto another listener", edit: { op: "updateListener", target: GW, listener: "http", changes: { name: "https" } }, error: /already exists/ },
      { name: "an unknown listener", edit: { op: "removeListener", target: GW, listener: "nope" }, error: /listener nope does not exist/ },
    ],
    it,
  ));
