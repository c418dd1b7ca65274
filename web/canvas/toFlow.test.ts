import { describe, expect, it } from "vitest";
import { Engine } from "../worker/engine";
import type { Snapshot } from "../worker/protocol";
import type { FlowEdge, FlowNode, ResourceNode, SummaryNode } from "./flowTypes";
import { toFlow, type Flow, type ViewOptions } from "./toFlow";
import { FIXTURE } from "./fixture.test-data";
import { layoutGraph } from "../../src/graph/layout";
import { routesYaml } from "../../bench/fixtures";
import { effectiveCollapsed } from "../worker/positions";

const NONE: ViewOptions = { hiddenNamespaces: [], hiddenKinds: [], collapsed: [] };

function load(text = FIXTURE): Snapshot {
  // Snapshots reach the app as structured clones: nothing is shared with a previous one.
  return structuredClone(new Engine().load(text, "f.yaml"));
}

function flow(s: Snapshot, view: Partial<ViewOptions> = {}, prev?: Flow): Flow {
  return toFlow({ graph: s.graph, positions: s.positions, view: { ...NONE, ...view } }, prev);
}

const testIds = (f: Flow) => f.nodes.map((n) => n.data.testId);
const edge = (f: Flow, testId: string): FlowEdge | undefined => f.edges.find((e) => e.data!.testId === testId);
const resource = (f: Flow, id: string) => f.byId.get(id) as ResourceNode | undefined;

describe("toFlow: nodes and test ids", () => {
  const f = flow(load());
  const rows: { id: string; testId: string; type: string }[] = [
    { id: "GatewayClass/gc", testId: "node-GatewayClass--gc", type: "class" },
    { id: "Gateway/infra/edge", testId: "node-Gateway-infra-edge", type: "gateway" },
    { id: "Listener/infra/edge/http", testId: "node-Listener-infra-edge-http", type: "listener" },
    { id: "Listener/infra/edge/https", testId: "node-Listener-infra-edge-https", type: "listener" },
    { id: "HTTPRoute/apps/web", testId: "node-HTTPRoute-apps-web", type: "route" },
    { id: "Service/apps/web", testId: "node-Service-apps-web", type: "service" },
    { id: "ReferenceGrant/shared/allow-apps", testId: "node-ReferenceGrant-shared-allow-apps", type: "grant" },
    { id: "BackendTLSPolicy/apps/web-tls", testId: "node-BackendTLSPolicy-apps-web-tls", type: "policy" },
    { id: "Secret/infra/cert", testId: "node-Secret-infra-cert", type: "core" },
  ];
  for (const row of rows) {
    it(`${row.id} → ${row.testId}`, () => {
      const n = resource(f, row.id);
      expect(n?.data.testId).toBe(row.testId);
      expect(n?.type).toBe(row.type);
    });
  }
  it("draws a box per namespace and column, behind its members", () => {
    const boxes = f.nodes.filter((n) => n.type === "nsgroup");
    expect(boxes.map((b) => b.data.testId)).toContain("ns-group-apps-3");
    expect(boxes.every((b) => b.zIndex === -1)).toBe(true);
    // Boxes come first in the array (drawn first).
    expect(f.nodes.findIndex((n) => n.type !== "nsgroup")).toBe(boxes.length);
    const box = f.byId.get("group:Namespace/apps@3")!;
    const web = resource(f, "HTTPRoute/apps/web")!;
    expect(box.position.y).toBeLessThan(web.position.y);
    expect(box.position.x).toBeLessThan(web.position.x);
    expect(box.data).toMatchObject({ members: 4, collapsed: false });
  });
  it("gives every node handles at its handle line and its layout size", () => {
    const web = resource(f, "HTTPRoute/apps/web")!;
    expect(web.width).toBe(240);
    expect(web.data.handleY).toBe(24);
    expect(web.handles?.map((h) => `${h.type}:${h.id}`)).toEqual(["target:left", "source:right", "target:right"]);
  });
});

describe("toFlow: mesh parents (a route attached to a Service)", () => {
  const MESH = `apiVersion: v1
kind: Service
metadata: {name: api, namespace: mesh}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: api-v2, namespace: mesh}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: split, namespace: mesh}
spec:
  parentRefs: [{group: "", kind: Service, name: api, port: 80}]
  rules: [{backendRefs: [{name: api-v2, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: lost, namespace: mesh}
spec:
  parentRefs: [{group: "", kind: Service, name: gone, port: 80}]
  rules: [{backendRefs: [{name: api-v2, port: 80}]}]
`;
  const f = flow(load(MESH));
  const mesh = f.edges.filter((e) => e.data!.kind === "meshParent");
  it.each([
    ["HTTPRoute/mesh/split", "Service/mesh/api", true, /^meshParent/m],
    ["HTTPRoute/mesh/lost", "Service/mesh/gone", false, /not attached: /],
  ])("%s → %s", (route, service, ok, title) => {
    const e = mesh.find((x) => x.data!.refs.some((r) => r.from === route && r.to === service));
    expect(e, `${route} → ${service}`).toBeDefined();
    expect(e!.data!.ok).toBe(ok);
    expect(e!.data!.title).toMatch(title);
    if (!ok) expect(e!.data!.title).not.toMatch(/broken/);
  });
});

describe("toFlow: edges", () => {
  const f = flow(load());
  const rows: { testId: string; expect: Partial<{ ok: boolean; cross: boolean; count: number; label: RegExp; title: RegExp; source: string; target: string; targetHandle: string }> }[] = [
    // Parallel references (rule 0 and rule 1 to the same Service) are one edge; the split share shows.
    { testId: "edge-HTTPRoute/apps/web-Service/apps/web", expect: { ok: true, count: 2, label: /^w90 · 90%$/, title: /rule 0.*weight 90, 90%[\s\S]*rule 1.*weight 1, 100%/, source: "HTTPRoute/apps/web", target: "Service/apps/web" } },
    { testId: "edge-HTTPRoute/apps/web-Service/apps/web-canary", expect: { label: /^w10 · 10%$/ } },
    // A parentRef is drawn left to right: from the listener to the route, in reference order in its test id.
    { testId: "edge-HTTPRoute/apps/web-Listener/infra/edge/http", expect: { ok: true, source: "Listener/infra/edge/http", target: "HTTPRoute/apps/web" } },
    { testId: "edge-HTTPRoute/apps/lonely-Gateway/infra/edge", expect: { ok: false, label: /NoMatchingParent/, title: /not attached: NoMatchingParent/ } },
    { testId: "edge-HTTPRoute/apps/cross-Service/other/svc", expect: { ok: false, cross: true, label: /RefNotPermitted/, title: /no ReferenceGrant allows it/ } },
    { testId: "edge-HTTPRoute/apps/granted-Service/shared/db", expect: { ok: true, cross: true, label: /^$/, title: /allowed by ReferenceGrant ReferenceGrant\/shared\/allow-apps/ } },
    { testId: "edge-ReferenceGrant/shared/allow-apps-HTTPRoute/apps/granted", expect: { ok: true, source: "HTTPRoute/apps/granted" } },
    { testId: "edge-Gateway/infra/edge-GatewayClass/gc", expect: { source: "GatewayClass/gc", target: "Gateway/infra/edge" } },
    // Same column (a policy beside its target): both ends on the right.
    { testId: "edge-BackendTLSPolicy/apps/web-tls-Service/apps/web", expect: { targetHandle: "right" } },
  ];
  for (const row of rows) {
    it(row.testId, () => {
      const e = edge(f, row.testId);
      expect(e, row.testId).toBeDefined();
      const x = row.expect;
      if (x.ok !== undefined) expect(e!.data!.ok).toBe(x.ok);
      if (x.cross !== undefined) expect(e!.data!.cross).toBe(x.cross);
      if (x.count !== undefined) expect(e!.data!.refs.length).toBe(x.count);
      if (x.label) expect(e!.data!.label).toMatch(x.label);
      if (x.title) expect(e!.data!.title).toMatch(x.title);
      if (x.source) expect(e!.source).toBe(x.source);
      if (x.target) expect(e!.target).toBe(x.target);
      expect(e!.targetHandle).toBe(x.targetHandle ?? "left");
      expect(e!.sourceHandle).toBe("right");
    });
  }
  it("edge test ids are unique", () => {
    const ids = f.edges.map((e) => e.data!.testId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

/** Positions from the ranked layout (src/graph/layout.ts): namespace blocks, listeners drawn inside their gateway as rows. */
function nestPorts(s: Snapshot): Snapshot {
  const positions: Snapshot["positions"] = {};
  for (const n of layoutGraph(s.graph).nodes) if (n.type !== "summary") positions[n.id] = { x: n.x, y: n.y, width: n.width, height: n.height };
  return { ...s, positions };
}

/** A plain column layout (nodes stacked per rank in graph order): listeners beside their gateway. */
function columns(s: Snapshot): Snapshot {
  const next = new Map<number, number>();
  const positions: Snapshot["positions"] = {};
  for (const n of s.graph.nodes) {
    const y = next.get(n.rank) ?? 0;
    positions[n.id] = { x: n.rank * 300, y, width: 220, height: 44 };
    next.set(n.rank, y + 68);
  }
  return { ...s, positions };
}

describe("toFlow: listeners beside their gateway", () => {
  const f = flow(columns(load()));
  it("draws them as nodes of their own, with the declaring edge", () => {
    expect(resource(f, "Listener/infra/edge/http")!.data).toMatchObject({ port: false, column: 2, handleY: 22 });
    expect(edge(f, "edge-Gateway/infra/edge-Listener/infra/edge/http")?.data!.ok).toBe(true);
    expect(edge(f, "edge-HTTPRoute/apps/web-Listener/infra/edge/http")?.source).toBe("Listener/infra/edge/http");
  });
  it("hidden listeners hand their references to the gateway", () => {
    const g = flow(columns(load()), { hiddenKinds: ["Listener"] });
    expect(edge(g, "edge-HTTPRoute/apps/granted-Gateway/infra/edge")?.data!.refs.length).toBe(2);
  });
});

describe("toFlow: listeners as ports of their gateway", () => {
  const f = flow(nestPorts(load()));
  it("draws listener rows above their gateway, in its column, without the declaring edge", () => {
    const http = resource(f, "Listener/infra/edge/http")!;
    expect(http.data).toMatchObject({ port: true, column: 1, handleY: 13 });
    expect(http.width).toBe(resource(f, "Gateway/infra/edge")!.width! - 16);
    expect(http.zIndex).toBe(1);
    expect(resource(f, "Gateway/infra/edge")!.data).toMatchObject({ ports: 2, handleY: 24 });
    expect(f.nodes.indexOf(http)).toBeGreaterThan(f.nodes.indexOf(f.byId.get("Gateway/infra/edge")!));
    expect(edge(f, "edge-Gateway/infra/edge-Listener/infra/edge/http")).toBeUndefined();
    expect(edge(f, "edge-HTTPRoute/apps/web-Listener/infra/edge/http")?.source).toBe("Listener/infra/edge/http");
  });
  it("hidden listeners hand their references to the gateway", () => {
    const g = flow(nestPorts(load()), { hiddenKinds: ["Listener"] });
    expect(g.byId.has("Listener/infra/edge/http")).toBe(false);
    const e = edge(g, "edge-HTTPRoute/apps/granted-Gateway/infra/edge");
    // granted attached to both listeners: two references, one edge.
    expect(e?.data!.refs.length).toBe(2);
    expect(e?.data!.label).toBe("×2");
  });
});

describe("toFlow: filters", () => {
  it("hides a namespace's nodes and every edge touching them", () => {
    const f = flow(load(), { hiddenNamespaces: ["apps"] });
    expect(testIds(f).some((t) => t.includes("-apps-"))).toBe(false);
    expect(f.edges.some((e) => e.source.includes("/apps/") || e.target.includes("/apps/"))).toBe(false);
    expect(f.byId.has("Service/shared/db")).toBe(true);
  });
  it("hides kinds", () => {
    const f = flow(load(), { hiddenKinds: ["Service", "ReferenceGrant"] });
    expect(f.nodes.some((n) => n.type === "service" || n.type === "grant")).toBe(false);
    expect(f.byId.has("HTTPRoute/apps/web")).toBe(true);
    expect(f.edges.some((e) => e.data!.kind === "backendRef")).toBe(false);
  });
  it("hides cluster-scoped objects with the empty namespace", () => {
    const f = flow(load(), { hiddenNamespaces: [""] });
    expect(f.byId.has("GatewayClass/gc")).toBe(false);
    expect(f.byId.has("Gateway/infra/edge")).toBe(true);
  });
});

describe("toFlow: collapsed namespaces", () => {
  const f = flow(nestPorts(load()), { collapsed: ["apps"] });
  it("stands one summary node per column for the namespace, with counts", () => {
    expect(f.byId.has("HTTPRoute/apps/web")).toBe(false);
    const routes = f.byId.get("Namespace/apps@3") as SummaryNode;
    expect(routes.data).toMatchObject({ testId: "ns-summary-apps-3", members: 4, kinds: [["HTTPRoute", 4]], level: "error" });
    const services = f.byId.get("Namespace/apps@4") as SummaryNode;
    expect(services.data.kinds).toEqual([["Service", 2], ["BackendTLSPolicy", 1]]);
    expect(f.byId.get("group:Namespace/apps@3")!.data).toMatchObject({ collapsed: true });
  });
  it("re-points and merges edges at the summary nodes", () => {
    const e = edge(f, "edge-Namespace/apps@3-Namespace/apps@4");
    // web→web ×2, web→canary, lonely→web; cross and granted leave the namespace.
    expect(e?.data!.refs.length).toBe(4);
    expect(edge(f, "edge-Namespace/apps@3-Service/other/svc")?.data!.ok).toBe(false);
    expect(edge(f, "edge-Namespace/apps@3-Listener/infra/edge/http")?.source).toBe("Listener/infra/edge/http");
    // Edges inside one summary disappear (the policy and its Service share column 4).
    expect(f.edges.some((x) => x.source === x.target)).toBe(false);
  });
  it("sums up the shares of many merged references as a count, and lists only the first in the hover text", () => {
    // 15 routes of team-0, 4 backendRefs each, two of them weighted: 30 shares between the two summaries.
    const g = flow(load(routesYaml(30, 2)), { collapsed: ["team-0"] });
    const e = edge(g, "edge-Namespace/team-0@3-Namespace/team-0@4")!;
    expect(e.data!.refs.length).toBe(60);
    expect(e.data!.label).toBe("×60, 30 weighted");
    expect(e.data!.title.split("\n")).toHaveLength(1 + 40 + 1);
    expect(e.data!.title).toMatch(/… \(\d+ more\)$/);
    // A few shares are still spelled out.
    expect(edge(flow(load()), "edge-HTTPRoute/apps/web-Service/apps/web")!.data!.label).toBe("w90 · 90%");
  });
  it("moves what lies below a collapsed box up by the space it gave back", () => {
    const open = flow(nestPorts(load()));
    const before = open.byId.get("Service/shared/db")!.position.y;
    const after = f.byId.get("Service/shared/db")!.position.y;
    expect(after).toBeLessThan(before);
    // Other columns are untouched.
    expect(f.byId.get("Listener/infra/edge/http")!.position).toEqual(open.byId.get("Listener/infra/edge/http")!.position);
  });
});

describe("toFlow: reuse across snapshots", () => {
  const edited = FIXTURE.replace("weight: 90 }, { name: web-canary, port: 80, weight: 10 }", "weight: 75 }, { name: web-canary, port: 80, weight: 25 }");
  it("keeps node and edge objects whose drawing did not change", () => {
    const a = flow(load());
    const again = flow(load(), {}, a);
    expect(again.nodes.every((n, i) => n === a.nodes[i])).toBe(true);
    expect(again.edges.every((e, i) => e === a.edges[i])).toBe(true);
    const b = flow(load(edited), {}, a);
    const changed = (x: FlowNode[] | FlowEdge[], y: FlowNode[] | FlowEdge[]) => x.filter((n, i) => n !== y[i]).map((n) => n.id);
    expect(changed(b.nodes, a.nodes)).toEqual([]);
    expect(changed(b.edges, a.edges).sort()).toEqual(["HTTPRoute/apps/web>Service/apps/web", "HTTPRoute/apps/web>Service/apps/web-canary"]);
    expect(edge(b, "edge-HTTPRoute/apps/web-Service/apps/web")!.data!.label).toBe("w75 · 75%");
  });
  it("gives a node a new object when its status, data or place changes", () => {
    const a = flow(load());
    const b = flow(load(FIXTURE.replace("matches: [{ path: { type: PathPrefix, value: /api } }]", "matches: [{ path: { type: Exact, value: /v2 } }]")), {}, a);
    expect(b.byId.get("HTTPRoute/apps/web")).not.toBe(a.byId.get("HTTPRoute/apps/web"));
    expect((b.byId.get("HTTPRoute/apps/web") as ResourceNode).data.g.data.ruleSummaries).toEqual(["Exact /v2", "any"]);
    expect(b.byId.get("Service/apps/web")).toBe(a.byId.get("Service/apps/web"));
    const laid = nestPorts(load());
    const a2 = flow(laid);
    const c = flow(laid, { collapsed: ["apps"] }, a2);
    expect(c.byId.get("Service/shared/db")).not.toBe(a2.byId.get("Service/shared/db"));
    expect(c.byId.get("Service/other/svc")).toBe(a2.byId.get("Service/other/svc"));
    expect(c.byId.get("Gateway/infra/edge")).toBe(a2.byId.get("Gateway/infra/edge"));
  });
  it("is empty for an empty graph", () => {
    const f = flow(load("# nothing\n"));
    expect(f.nodes).toEqual([]);
    expect(f.edges).toEqual([]);
  });
});

describe("toFlow: fans into a namespace box are bundled", () => {
  // 30 routes over 2 namespaces: 15 per team, all on one listener.
  const s = load(routesYaml(30, 2));
  const http = "Listener/infra/edge/http";
  it("draws more than ten lines from one object into one box as one edge to the box", () => {
    const f = flow(s);
    // Reference direction: the routes (their box) refer to the listener.
    const e = edge(f, `edge-group:Namespace/team-0@3-${http}`);
    expect(e?.data).toMatchObject({ members: 15, label: "×15", kind: "parentRef", ok: true });
    expect(e?.data!.refs.length).toBe(15);
    expect(e?.source).toBe(http);
    expect(e?.target).toBe("group:Namespace/team-0@3");
    expect(e?.data!.title).toMatch(/15 objects of namespace team-0, drawn as one line: HTTPRoute\/team-0\/app-0, /);
    expect(f.edges.some((x) => x.data!.testId === `edge-HTTPRoute/team-0/app-0-${http}`)).toBe(false);
    // The box carries handles for it, in its header band.
    expect(f.byId.get("group:Namespace/team-0@3")!.handles?.[0].y).toBe(11.5);
    // Small fans (a route's two Services) stay lines.
    expect(edge(f, "edge-HTTPRoute/team-0/app-0-Service/team-0/app-0-canary")).toBeDefined();
  });
  it("keeps the lines of objects in focus (selection, request path)", () => {
    const f = flow(s, { focus: ["HTTPRoute/team-0/app-0"] });
    expect(edge(f, `edge-HTTPRoute/team-0/app-0-${http}`)?.data!.ok).toBe(true);
    expect(edge(f, `edge-group:Namespace/team-0@3-${http}`)?.data!.members).toBe(14);
  });
  it("leaves ten or fewer as lines", () => {
    const f = flow(load(routesYaml(20, 2)));
    expect(f.edges.some((x) => x.data!.members !== undefined)).toBe(false);
    expect(edge(f, `edge-HTTPRoute/team-0/app-0-${http}`)).toBeDefined();
  });
});

describe("toFlow: collapsed namespaces laid out again (by the worker's engine)", () => {
  const s = load();
  const laid = (ns: string[]) => {
    const e = new Engine();
    e.load(FIXTURE, "f.yaml");
    return structuredClone(e.layout(ns, false)!.positions);
  };
  it("places summaries where the collapsed layout put them, boxes around them", () => {
    const positions = laid(["apps"]);
    const f = toFlow({ graph: s.graph, positions, view: { ...NONE, collapsed: ["apps"] } });
    const sum = f.byId.get("Namespace/apps@3")!;
    expect(sum.position).toEqual({ x: positions["Namespace/apps@3"].x, y: positions["Namespace/apps@3"].y });
    const box = f.byId.get("group:Namespace/apps@3")!;
    expect(box.position.y).toBe(positions["Namespace/apps@3"].y - 24);
    expect(box.height).toBe(24 + positions["Namespace/apps@3"].height + 10);
    expect((sum as SummaryNode).data.members).toBe(4);
  });
  it("folds a collapsed gateway's listeners into its summary", () => {
    const positions = laid(["infra"]);
    expect(positions["Listener/infra/edge/http"]).toBeUndefined();
    const f = toFlow({ graph: s.graph, positions, view: { ...NONE, collapsed: ["infra"] } });
    expect(f.rep.get("Listener/infra/edge/http")).toBe("Namespace/infra@1");
    expect(edge(f, "edge-HTTPRoute/apps/web-Namespace/infra@1")?.source).toBe("Namespace/infra@1");
    expect((f.byId.get("Namespace/infra@1") as SummaryNode).data.kinds).toEqual([["Gateway", 1]]);
  });
  it("ignores collapsed names the graph does not have", () => {
    expect(effectiveCollapsed(s.graph, ["apps", "nowhere"])).toEqual(["apps"]);
  });
});
