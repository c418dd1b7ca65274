/** The `switchyard` CLI contract (DESIGN.md): validate and graph. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { p, run, setup } from "./cli-fixtures";

let cleanup = () => {};
beforeAll(() => {
  cleanup = setup();
});
afterAll(() => cleanup());

describe("switchyard validate", () => {
  const DIAG_LINE = /^.+:\d+:\d+: (error|warning|info): .+$/;

  it("exit 0 and no output lines when clean", async () => {
    const r = await run(["validate", "-f", p("config")]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/0 errors, 0 warnings in 2 files/);
  });

  it("exit 1 with file:line:column: severity: message for each problem", async () => {
    const r = await run(["validate", "-f", p("config"), "-f", p("broken-route.yaml"), "-f", p("bad.yaml")]);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split("\n");
    for (const l of lines) expect(l).toMatch(DIAG_LINE);
    expect(lines).toContain(`${p("bad.yaml")}:6:1: error: Flow map in block collection must be sufficiently indented and end with a }`);
    expect(lines.some((l) => l.startsWith(`${p("broken-route.yaml")}:8:`) || l.startsWith(`${p("broken-route.yaml")}:7:`))).toBe(true);
  });

  it("shows info lines but they are not problems", async () => {
    const r = await run(["validate", "-f", p("widget.yaml")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/widget\.yaml:2:7: info: Widget \(example\.com\/v1\) is not a kind Switchyard models/);
  });

  it("--json: one entry per input file, clean files included", async () => {
    const r = await run(["validate", "-f", p("config"), "-f", p("bad.yaml"), "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { file: string; diagnostics: Record<string, unknown>[] }[];
    expect(report.map((e) => e.file)).toEqual([p("config", "b-gateway.yaml"), p("config", "nested", "routes.yml"), p("bad.yaml")]);
    expect(report[0].diagnostics).toEqual([]);
    expect(report[2].diagnostics).toEqual([{ line: 6, column: 1, severity: "error", code: "yaml-syntax", message: "Flow map in block collection must be sufficiently indented and end with a }" }]);
  });

  it("--each: every file on its own; a bad file does not stop the others", async () => {
    const together = JSON.parse((await run(["validate", "-f", p("config"), "--json"])).out) as { diagnostics: unknown[] }[];
    expect(together[1].diagnostics).toEqual([]);
    const r = await run(["validate", "-f", p("bad.yaml"), "-f", p("config"), "--each", "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { file: string; diagnostics: { severity: string; code: string }[] }[];
    expect(report.map((e) => e.file)).toEqual([p("bad.yaml"), p("config", "b-gateway.yaml"), p("config", "nested", "routes.yml")]);
    expect(report[0].diagnostics.map((d) => d.code)).toEqual(["yaml-syntax"]);
    // On its own, the routes file's Gateway is missing: that is now reported.
    expect(report[2].diagnostics.length).toBeGreaterThan(0);
  });

  it("--each: an unreadable file is reported in its place, the others still checked", async () => {
    const r = await run(["validate", "--each", "-f", "/nonexistent/gone.yaml", "-f", p("widget.yaml"), "--json"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("/nonexistent/gone.yaml:1:1: cannot read: no such file or directory\n");
    const report = JSON.parse(r.out) as { file: string; diagnostics: { code: string }[] }[];
    expect(report.map((e) => [e.file, e.diagnostics.map((d) => d.code)])).toEqual([[p("widget.yaml"), ["unknown-kind"]], ["/nonexistent/gone.yaml", ["unreadable"]]]);
  });

  it("exit 2 when the input cannot be read at all", async () => {
    const r = await run(["validate", "-f", "/nonexistent/gone.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("/nonexistent/gone.yaml:1:1: cannot read: no such file or directory\n");
    expect((await run(["validate", "--each", "-f", "/nonexistent/gone.yaml"])).code).toBe(2);
    expect((await run(["validate"])).code).toBe(2);
  });
});

describe("switchyard graph", () => {
  it("prints the graph as JSON (the default format)", async () => {
    for (const argv of [["graph", "-f", p("config"), "--format", "json"], ["graph", "-f", p("config")]]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      const g = JSON.parse(r.out) as { nodes: { id: string; rank: number }[]; edges: { type: string; from: string; to: string; percent?: number }[]; groups: { id: string }[] };
      const ranks = Object.fromEntries(g.nodes.map((n) => [n.id, n.rank]));
      expect(ranks).toMatchObject({ "GatewayClass/cls": 0, "Gateway/infra/gw": 1, "Listener/infra/gw/http": 2, "HTTPRoute/apps/web": 3, "Service/apps/web": 4 });
      expect(g.edges.filter((e) => e.type === "backendRef" && e.from === "HTTPRoute/apps/web").map((e) => [e.to, e.percent])).toEqual([["Service/apps/api", 100], ["Service/apps/web", 75], ["Service/apps/web-canary", 25]]);
      expect(g.edges.some((e) => e.type === "parentRef" && e.from === "HTTPRoute/apps/web" && e.to === "Listener/infra/gw/http")).toBe(true);
      expect(g.groups.map((x) => x.id)).toEqual(["Namespace/apps", "Namespace/infra"]);
    }
  });

  it("prints Graphviz dot", async () => {
    const r = await run(["graph", "-f", p("config"), "--format", "dot"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^digraph switchyard \{/);
    expect(r.out).toContain('"HTTPRoute/apps/web" -> "Service/apps/web" [label="75%"];');
  });

  it.each([
    { format: "svg", err: /not yet supported/ },
    { format: "png", err: /unknown format "png"/ },
  ])("exit 2 for --format $format", async ({ format, err }) => {
    const r = await run(["graph", "-f", p("config"), "--format", format]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(err);
  });
});
