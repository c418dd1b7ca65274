/** Creating, deleting and renaming resources (references across documents follow a rename). */
import { describe, expect, it } from "vitest";
import { applyEdit } from "./index";
import { parse } from "../parse";
import { CONFIG, GW, ROUTE } from "./testing/fixtures";
import { edited, lineDiff, runFailures, runRows, valueAt, type EditRow } from "./testing/helpers";
import type { Edit } from "./types";

const ROWS: EditRow[] = [
  {
    name: "a new HTTPRoute: a parentRef and one rule, appended as a document",
    edit: { op: "createResource", resource: { kind: "HTTPRoute", name: "blog", namespace: "web", parent: { name: "edge", namespace: "infra" }, backend: { name: "blog-svc", port: 8080 } } },
    removed: [],
    added: [
      "---",
      "apiVersion: gateway.networking.k8s.io/v1",
      "kind: HTTPRoute",
      "metadata:",
      "  name: blog",
      "  namespace: web",
      "spec:",
      "  parentRefs:",
      "  - name: edge",
      "    namespace: infra",
      "  rules:",
      "  - matches:",
      "    - path:",
      "        type: PathPrefix",
      "        value: /",
      "    backendRefs:",
      "    - name: blog-svc",
      "      port: 8080",
    ],
    expect: [["HTTPRoute", "blog", ["spec", "rules", 0, "backendRefs", 0, "name"], "blog-svc"]],
  },
  {
    name: "a new Gateway: an HTTP listener on 80",
    edit: { op: "createResource", resource: { kind: "Gateway", name: "internal", namespace: "infra", gatewayClassName: "acme" } },
    removed: [],
    added: ["---", "apiVersion: gateway.networking.k8s.io/v1", "kind: Gateway", "metadata:", "  name: internal", "  namespace: infra", "spec:", "  gatewayClassName: acme", "  listeners:", "  - name: http", "    port: 80", "    protocol: HTTP"],
  },
  {
    name: "a new Service",
    edit: { op: "createResource", resource: { kind: "Service", name: "blog-svc", namespace: "web" } },
    removed: [],
    added: ["---", "apiVersion: v1", "kind: Service", "metadata:", "  name: blog-svc", "  namespace: web", "spec:", "  selector:", "    app: blog-svc", "  ports:", "  - name: http", "    port: 80", "    targetPort: 8080"],
  },
  {
    name: "a new ReferenceGrant",
    edit: { op: "createResource", resource: { kind: "ReferenceGrant", name: "allow-web", namespace: "shop", parent: { name: "x", namespace: "web" } } },
    removed: [],
    added: ["---", "apiVersion: gateway.networking.k8s.io/v1", "kind: ReferenceGrant", "metadata:", "  name: allow-web", "  namespace: shop", "spec:", "  from:", "  - group: gateway.networking.k8s.io", "    kind: HTTPRoute", "    namespace: web", "  to:", `  - group: ""`, "    kind: Service"],
  },
  {
    name: "a new Secret for a certificate",
    edit: { op: "createResource", resource: { kind: "Secret", name: "api-tls", namespace: "infra" } },
    removed: [],
    added: ["---", "apiVersion: v1", "kind: Secret", "metadata:", "  name: api-tls", "  namespace: infra", "type: kubernetes.io/tls", "data:", `  tls.crt: ""`, `  tls.key: ""`],
  },
  {
    name: "delete a resource: its document goes",
    edit: { op: "deleteResource", target: { kind: "GRPCRoute", name: "rpc" } },
    // Documents begin and end alike (`---`), so the diff lines up the removed separator at the end.
    removed: ["apiVersion: gateway.networking.k8s.io/v1", "kind: GRPCRoute", "metadata:", "  name: rpc", "  namespace: shop", "spec:", "  parentRefs:", "  - name: edge", "    namespace: infra", "    sectionName: http", "  rules:", "  - matches:", "    - method:", "        service: shop.Cart", "    backendRefs:", "    - name: cart", "      port: 9090", "---"],
    added: [],
  },
  {
    name: "rename a Service: backendRefs in both routes and the policy's targetRef follow",
    edit: { op: "rename", target: { kind: "Service", name: "cart", namespace: "shop" }, newName: "basket" },
    removed: ["    - name: cart", "    - name: cart", "  name: cart", "    name: cart"],
    added: ["    - name: basket", "    - name: basket", "  name: basket", "    name: basket"],
    expect: [
      ["HTTPRoute", "store", ["spec", "rules", 0, "backendRefs", 0, "name"], "basket"],
      ["HTTPRoute", "store", ["spec", "rules", 0, "backendRefs", 1, "name"], "cart-canary"],
      ["GRPCRoute", "rpc", ["spec", "rules", 0, "backendRefs", 0, "name"], "basket"],
      ["BackendTLSPolicy", "cart-tls", ["spec", "targetRefs", 0, "name"], "basket"],
    ],
  },
  {
    name: "rename a Gateway: parentRefs follow",
    edit: { op: "rename", target: GW, newName: "front" },
    removed: ["  name: edge", "  - name: edge", "  - name: edge"],
    added: ["  name: front", "  - name: front", "  - name: front"],
    expect: [["GRPCRoute", "rpc", ["spec", "parentRefs", 0, "name"], "front"]],
  },
  {
    name: "rename a Secret: the certificateRef and the ReferenceGrant's to follow",
    edit: {
      op: "batch",
      edits: [
        { op: "createResource", resource: { kind: "Secret", name: "wildcard-cert", namespace: "infra" } },
        { op: "rename", target: { kind: "Secret", name: "wildcard-cert", namespace: "infra" }, newName: "star-cert" },
      ],
    },
    removed: ["      - name: wildcard-cert # issued by acme", "    name: wildcard-cert"],
    added: ["      - name: star-cert # issued by acme", "    name: star-cert", "---", "apiVersion: v1", "kind: Secret", "metadata:", "  name: star-cert", "  namespace: infra", "type: kubernetes.io/tls", "data:", `  tls.crt: ""`, `  tls.key: ""`],
  },
  {
    name: "rename a GatewayClass: gatewayClassName follows",
    edit: { op: "rename", target: { kind: "GatewayClass", name: "acme" }, newName: "acme-v2" },
    removed: ["  name: acme", "  gatewayClassName: acme"],
    added: ["  name: acme-v2", "  gatewayClassName: acme-v2"],
  },
  {
    name: "rename a Namespace: objects in it and explicit references follow",
    edit: { op: "batch", edits: [{ op: "createResource", resource: { kind: "Namespace", name: "infra" } }, { op: "rename", target: { kind: "Namespace", name: "infra" }, newName: "edge-system" }] },
    removed: ["  namespace: infra", "    namespace: infra", "    namespace: infra", "  namespace: infra", "    namespace: infra"],
    added: ["  namespace: edge-system", "    namespace: edge-system", "    namespace: edge-system", "  namespace: edge-system", "    namespace: edge-system", "---", "apiVersion: v1", "kind: Namespace", "metadata:", "  name: edge-system"],
    expect: [["HTTPRoute", "store", ["spec", "parentRefs", 0, "namespace"], "edge-system"], ["ReferenceGrant", "certs", ["spec", "from", 0, "namespace"], "edge-system"]],
  },
];

describe("resource edits", () => runRows(CONFIG, ROWS, it));

describe("resource edits that cannot apply", () =>
  runFailures(
    CONFIG,
    [
      { name: "a duplicate", edit: { op: "createResource", resource: { kind: "Service", name: "cart", namespace: "shop" } }, error: /Service shop\/cart already exists/ },
      { name: "an unknown kind without apiVersion", edit: { op: "createResource", resource: { kind: "Widget", name: "w" } }, error: /apiVersion is needed/ },
      { name: "a rename onto an existing name", edit: { op: "rename", target: { kind: "Service", name: "cart" }, newName: "cart" }, error: /^succeeded$/ },
      { name: "a rename to an empty name", edit: { op: "rename", target: ROUTE, newName: "" }, error: /empty/ },
      { name: "deleting what is not there", edit: { op: "deleteResource", target: { kind: "Service", name: "nope" } }, error: /Service nope not found/ },
    ],
    it,
  ));

describe("documents around the edited one", () => {
  it("a rename does not touch an object of the same name in another namespace", () => {
    const other = `${CONFIG}---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: other\n  namespace: elsewhere\nspec:\n  rules:\n  - backendRefs:\n    - name: cart\n      port: 80\n`;
    const after = edited(other, { op: "rename", target: { kind: "Service", name: "cart", namespace: "shop" }, newName: "basket" });
    expect(valueAt(after, "HTTPRoute", "other", ["spec", "rules", 0, "backendRefs", 0, "name"])).toBe("cart");
  });

  it("a rename onto an existing object is refused", () => {
    const res = applyEdit(CONFIG, { op: "rename", target: { kind: "HTTPRoute", name: "store" }, newName: "rpc" });
    expect(res.ok).toBe(true);
    const dup = applyEdit(CONFIG, { op: "rename", target: { kind: "Service", name: "cart", namespace: "shop" }, newName: "cart-canary" });
    expect(dup.ok).toBe(true);
    const withSvc = edited(CONFIG, { op: "createResource", resource: { kind: "Service", name: "basket", namespace: "shop" } });
    expect(applyEdit(withSvc, { op: "rename", target: { kind: "Service", name: "cart", namespace: "shop" }, newName: "basket" })).toEqual({ ok: false, error: "Service shop/basket already exists" });
  });

  it("a created resource can be edited in the same batch, and hints find documents without a scan", () => {
    const after = edited(CONFIG, {
      op: "batch",
      edits: [
        { op: "createResource", resource: { kind: "HTTPRoute", name: "blog", namespace: "web" } },
        { op: "setHostnames", target: { kind: "HTTPRoute", name: "blog", namespace: "web" }, hostnames: ["blog.example.com"] },
      ],
    });
    expect(valueAt(after, "HTTPRoute", "blog", ["spec", "hostnames"])).toEqual(["blog.example.com"]);
    const store = parse(CONFIG).resources.find((r) => r.name === "store")!;
    const hinted = edited(CONFIG, { op: "setWeights", target: { ...ROUTE, doc: store.source.docIndex, offset: store.source.offset }, rule: 0, weights: [1, 2] });
    expect(lineDiff(CONFIG, hinted).added).toEqual(["      weight: 1 # stable", "      weight: 2"]);
    // A stale hint is checked, not trusted.
    const stale = edited(CONFIG, { op: "setWeights", target: { ...ROUTE, doc: 0, offset: 0 }, rule: 0, weights: [1, 2] });
    expect(stale).toBe(hinted);
  });

  it("creating into an empty text writes no separator; JSON text gets a JSON document", () => {
    const r = applyEdit("", { op: "createResource", resource: { kind: "Namespace", name: "team" } });
    expect(r).toEqual({ ok: true, text: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n", changed: [{ from: 0, to: 54 }], patches: [{ from: 0, to: 0, text: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n" }] });
    // "n" is a boolean to YAML 1.1 readers (kubectl's go-yaml): quoted.
    expect(applyEdit("", { op: "createResource", resource: { kind: "Namespace", name: "n" } })).toMatchObject({ ok: true, text: expect.stringContaining('name: "n"') });
    const json = edited('{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}\n', { op: "createResource", resource: { kind: "Namespace", name: "b" } });
    expect(parse(json).resources.map((x) => x.name)).toEqual(["a", "b"]);
    expect(json).toContain('"name": "b"');
  });
});

describe("renames with the text's parse as context", () => {
  const renames: [string, Edit][] = [
    ["a Service", { op: "rename", target: { kind: "Service", name: "cart", namespace: "shop" }, newName: "basket" }],
    ["a Gateway", { op: "rename", target: GW, newName: "front" }],
    ["a GatewayClass", { op: "rename", target: { kind: "GatewayClass", name: "acme" }, newName: "acme-v2" }],
    ["a listener", { op: "updateListener", target: GW, listener: "https", changes: { name: "secure" } }],
  ];
  for (const [name, edit] of renames) {
    it(`${name}: the same text as without it`, () => {
      const ctx = { resources: parse(CONFIG).resources };
      const fast = applyEdit(CONFIG, edit, ctx);
      expect(fast).toEqual(applyEdit(CONFIG, edit));
      expect(fast.ok).toBe(true);
    });
  }

  it("a context that does not match the text is checked, not trusted", () => {
    const stale = parse(CONFIG.replace("    - name: cart\n      port: 8080", "    - name: 'cart'\n      port: 8080")).resources;
    const edit: Edit = { op: "rename", target: { kind: "Service", name: "cart", namespace: "shop" }, newName: "basket" };
    expect(applyEdit(CONFIG, edit, { resources: stale })).toEqual(applyEdit(CONFIG, edit));
  });

  it("quoting is kept: double, single, plain", () => {
    const text = CONFIG.replace("  - name: edge\n    namespace: infra\n    sectionName: https", "  - name: \"edge\"\n    namespace: infra\n    sectionName: https").replace("  - name: edge\n    namespace: infra\n    sectionName: http\n", "  - name: 'edge'\n    namespace: infra\n    sectionName: http\n");
    const after = edited(text, { op: "rename", target: GW, newName: "front" });
    expect(after).toContain('  - name: "front"');
    expect(after).toContain("  - name: 'front'");
    expect(applyEdit(text, { op: "rename", target: GW, newName: "front" }, { resources: parse(text).resources })).toEqual({ ok: true, text: after, changed: expect.any(Array), patches: expect.any(Array) });
  });
});

describe("a rename across files", () => {
  it("referencesOnly updates references in a text that does not hold the object", () => {
    const routes = CONFIG.split("---\n").filter((d) => /kind: (HTTP|GRPC)Route/.test(d)).join("---\n");
    const after = edited(routes, { op: "rename", target: { kind: "Service", name: "cart", namespace: "shop" }, newName: "basket", referencesOnly: true });
    expect(lineDiff(routes, after)).toEqual({ removed: ["    - name: cart", "    - name: cart"], added: ["    - name: basket", "    - name: basket"] });
    expect(applyEdit(routes, { op: "rename", target: { kind: "Service", name: "cart", namespace: "shop" }, newName: "basket" })).toEqual({ ok: false, error: "Service cart in namespace shop not found" });
    expect(applyEdit(routes, { op: "rename", target: { kind: "Service", name: "cart", namespace: "elsewhere" }, newName: "basket", referencesOnly: true })).toMatchObject({ ok: true, text: routes });
  });
});
