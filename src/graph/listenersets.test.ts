/**
 * ListenerSets in the graph: the set is a node beside its Gateway (same rank), with a `listenerSet`
 * edge to the Gateway (ok when the Gateway takes it); its listeners are listener nodes declared by
 * the set (drawn as its ports), routes point at them through parentRefs of kind ListenerSet; both
 * builders (cached and reference) agree, also under edits.
 */
import { describe, expect, it } from "vitest";
import { parse, ParseCache } from "../parse";
import { simulate, ControllerCache } from "../controller";
import { buildGraph, GraphCache, type Graph } from "./index";
import { buildGraphReference } from "./testing/reference";
import { layoutGraph } from "./layout";
import { docs, edit, rng } from "../controller/testing/edits";

const GW = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  allowedListeners: {namespaces: {from: Selector, selector: {matchLabels: {ls: "yes"}}}}
  listeners:
  - {name: web, port: 80, protocol: HTTP, hostname: gw.example.com, allowedRoutes: {namespaces: {from: All}}}`;
const NS = (name: string, ok: boolean) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: {ls: "${ok ? "yes" : "no"}"}}`;
const LS = (ns: string, name: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: ${name}, namespace: ${ns}}
spec:
  parentRef: {name: gw, namespace: infra}
  listeners:
  - {name: web, port: 80, protocol: HTTP, hostname: ${name}.example.com, allowedRoutes: {namespaces: {from: All}}}
  - {name: alt, port: 8080, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}`;
const ROUTE = (name: string, parents: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: apps}
spec:
  parentRefs: ${parents}
  rules: [{backendRefs: [{name: svc, port: 80}]}]`;
const SVC = "apiVersion: v1\nkind: Service\nmetadata: {name: svc, namespace: apps}\nspec: {ports: [{port: 80}]}";
const LSREF = (name: string, ns = "apps") => `{kind: ListenerSet, group: gateway.networking.k8s.io, name: ${name}, namespace: ${ns}`;

const DOCS = [
  GW,
  NS("apps", true),
  NS("other", false),
  SVC,
  LS("apps", "team"),
  LS("other", "outsider"),
  ROUTE("via-set", `[${LSREF("team")}}]`),
  ROUTE("via-section", `[${LSREF("team")}, sectionName: alt}]`),
  ROUTE("missing-section", `[${LSREF("team")}, sectionName: nope}, ${LSREF("outsider", "other")}, sectionName: web}]`),
  ROUTE("via-gateway", "[{name: gw, namespace: infra}]"),
];

function graphOf(text: string): Graph {
  const p = parse({ name: "in.yaml", text });
  const m = simulate(p.resources, { lines: p.lines });
  const g = buildGraph(m);
  expect(g).toEqual(buildGraphReference(m));
  return g;
}

describe("ListenerSets in the graph", () => {
  const g = graphOf(docs(...DOCS));
  const node = (id: string) => g.nodes.find((n) => n.id === id);
  const edges = (type: string, from?: string) => g.edges.filter((e) => e.type === type && (from === undefined || e.from === from)).map((e) => `${e.from} > ${e.to} ${e.ok ? "ok" : `broken ${e.reason}`}`);

  it("a set is a node of a Gateway's rank, with its facts", () => {
    expect(node("ListenerSet/apps/team")).toMatchObject({ role: "listenerset", rank: 1, data: { gateway: "Gateway/infra/gw", listeners: 2, accepted: true, programmed: true } });
    expect(node("ListenerSet/other/outsider")).toMatchObject({ role: "listenerset", rank: 1, data: { gateway: "Gateway/infra/gw", listeners: 2, accepted: false, programmed: false } });
    // The Gateway counts its own listeners only.
    expect(node("Gateway/infra/gw")!.data).toMatchObject({ listeners: 1 });
  });

  it.each<[string, string, string[]]>([
    ["ListenerSet → Gateway, ok when the Gateway takes the set", "listenerSet", ["ListenerSet/apps/team > Gateway/infra/gw ok", "ListenerSet/other/outsider > Gateway/infra/gw broken NotAllowed"]],
    [
      "a set declares its listeners (ids ns/gw/lsNs/lsName/name)",
      "listener",
      [
        "Gateway/infra/gw > Listener/infra/gw/web ok",
        "ListenerSet/apps/team > Listener/infra/gw/apps/team/web ok",
        "ListenerSet/apps/team > Listener/infra/gw/apps/team/alt ok",
        "ListenerSet/other/outsider > Listener/infra/gw/other/outsider/web broken NotAllowed",
        "ListenerSet/other/outsider > Listener/infra/gw/other/outsider/alt broken NotAllowed",
      ],
    ],
    [
      "routes point at the set's listeners; a parentRef that attached nowhere at the listener it names, or the set",
      "parentRef",
      [
        "HTTPRoute/apps/via-set > Listener/infra/gw/apps/team/web ok",
        "HTTPRoute/apps/via-set > Listener/infra/gw/apps/team/alt ok",
        "HTTPRoute/apps/via-section > Listener/infra/gw/apps/team/alt ok",
        "HTTPRoute/apps/missing-section > ListenerSet/apps/team broken NoMatchingParent",
        "HTTPRoute/apps/missing-section > Listener/infra/gw/other/outsider/web broken NoMatchingParent",
        "HTTPRoute/apps/via-gateway > Listener/infra/gw/web ok",
      ],
    ],
  ])("%s", (_label, type, want) => {
    expect(edges(type)).toEqual(want);
  });

  it("the set's listeners are drawn as its ports, the Gateway's as the Gateway's", () => {
    const layout = layoutGraph(g);
    const ports = (owner: string) => layout.nodes.filter((n) => n.type === "port" && n.parent === owner).map((n) => n.id);
    expect(ports("ListenerSet/apps/team")).toEqual(["Listener/infra/gw/apps/team/web", "Listener/infra/gw/apps/team/alt"]);
    expect(ports("Gateway/infra/gw")).toEqual(["Listener/infra/gw/web"]);
    const column = (id: string) => layout.nodes.find((n) => n.id === id)!.column;
    expect(column("ListenerSet/apps/team")).toBe(column("Gateway/infra/gw"));
  });
});

describe("ListenerSets beside their Gateway", () => {
  const gw = (n: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: ${n}, namespace: infra}\nspec:\n  gatewayClassName: gc\n  allowedListeners: {namespaces: {from: All}}\n  listeners:\n  - {name: web, port: 80, protocol: HTTP, hostname: ${n}.com}`;
  const ls = (n: string, parent: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: {name: ${n}, namespace: infra}\nspec:\n  parentRef: {name: ${parent}}\n  listeners:\n  - {name: web, port: 80, protocol: HTTP, hostname: ${n}.com}`;
  it("in one namespace, each set comes right below its Gateway (whatever the names)", () => {
    const g = graphOf(docs(gw("a"), gw("b"), gw("c"), ls("z-of-a", "a"), ls("m-of-c", "c"), ls("a-of-b", "b")));
    const column = layoutGraph(g).nodes.filter((n) => n.type === "node" && n.column === 1).sort((x, y) => x.y - y.y);
    expect(column.map((n) => n.id)).toEqual(["Gateway/infra/a", "ListenerSet/infra/z-of-a", "Gateway/infra/b", "ListenerSet/infra/a-of-b", "Gateway/infra/c", "ListenerSet/infra/m-of-c"]);
  });
});

describe("ListenerSets: the cached graph equals the reference under edits", () => {
  for (let seed = 1; seed <= 5; seed++) {
    it(`seed ${seed}`, () => {
      const r = rng(500 + seed);
      let ds = [...DOCS];
      const pc = new ParseCache();
      const cc = new ControllerCache();
      const gc = new GraphCache();
      for (let k = 0; k < 15; k++) {
        const p = parse({ name: "in.yaml", text: docs(...ds) }, pc);
        const m = simulate(p.resources, { lines: p.lines, cache: cc });
        expect(buildGraph(m, gc)).toEqual(buildGraphReference(m));
        ds = edit(r, ds);
      }
    });
  }
});
