import { describe, expect, it } from "vitest";
import { Engine } from "../worker/engine";
import { layoutGraph } from "../../src/graph/layout";
import { FIXTURE } from "./fixture.test-data";
import { toFlow } from "./toFlow";
import { esc, flowToSvg } from "./svg";

function flowOf(view: { collapsed?: string[]; hiddenKinds?: string[] } = {}) {
  const s = new Engine().load(FIXTURE, "f.yaml");
  const positions: Record<string, { x: number; y: number; width: number; height: number }> = {};
  for (const n of layoutGraph(s.graph).nodes) if (n.type !== "summary") positions[n.id] = { x: n.x, y: n.y, width: n.width, height: n.height };
  return toFlow({ graph: s.graph, positions, view: { hiddenNamespaces: [], hiddenKinds: view.hiddenKinds ?? [], collapsed: view.collapsed ?? [] } });
}

describe("flowToSvg", () => {
  const svg = flowToSvg(flowOf());
  it("is one standalone SVG document sized to the whole graph", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).toMatch(/viewBox="-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+"/);
    expect(svg).not.toMatch(/href="http|url\(http/);
  });
  it("holds every node and every edge, not just what a viewport shows", () => {
    for (const name of ["gc", "edge", "web", "web-canary", "cross", "granted", "lonely", "allow-apps", "db", "svc", "web-tls"]) expect(svg).toContain(`>${name}`);
    const f = flowOf();
    const drawn = f.nodes.filter((n) => n.type !== "nsgroup").length;
    expect(svg.match(/<g class="node"/g)?.length).toBe(drawn);
    expect(svg.match(/<path data-edge=/g)?.length).toBe(f.edges.length);
  });
  it("shows listeners with port, protocol, hostname and TLS, traffic shares and broken references", () => {
    expect(svg).toContain(">https :443 HTTPS *.example.com TLS<");
    expect(svg).toContain(">w90 · 90%<");
    expect(svg).toContain("✕ RefNotPermitted");
    expect(svg).toMatch(/data-status="error"/);
  });
  it("follows collapse and filters", () => {
    const collapsed = flowToSvg(flowOf({ collapsed: ["apps"] }));
    expect(collapsed).not.toContain(">lonely");
    expect(collapsed).toContain("4 HTTPRoute");
    expect(flowToSvg(flowOf({ hiddenKinds: ["Service"] }))).not.toContain(">web-canary");
  });
  it("escapes text", () => {
    expect(esc(`a<b>&"c"`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;");
  });
});
