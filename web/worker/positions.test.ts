import { describe, expect, it } from "vitest";
import { Engine } from "./engine";
import { Positions } from "./positions";
import { sameLayoutInput } from "../../src/graph/layoutInput";
import { routesYaml } from "../../bench/fixtures";
import { wired } from "./wired.test-data";

const BASE = routesYaml(12, 3);
const graphOf = (text: string) => new Engine().load(text, "w.yaml").graph;

describe("Positions: an edit the layout cannot see keeps the previous positions", () => {
  const rows: { name: string; text: string; same: boolean }[] = [
    { name: "a weight", text: BASE.replace("      weight: 10\n", "      weight: 20\n"), same: true },
    { name: "a hostname", text: BASE.replace('"app-3.example.com"', '"app-3b.example.com"'), same: true },
    { name: "a comment", text: BASE.replace("# route 4:", "# the route 4:"), same: true },
    { name: "a parentRef's listener (the edge's end moves)", text: BASE.replace("sectionName: http\n", "sectionName: nope\n"), same: false },
    { name: "a route added", text: BASE + "---\n" + routesYaml(13, 3).split("\n---\n").at(-1), same: false },
    { name: "a backend renamed", text: BASE.replace("- name: app-2-canary", "- name: app-2-blue"), same: false },
    { name: "a route moved to another namespace", text: BASE.replace("name: app-4\n  namespace: team-1", "name: app-4\n  namespace: team-2"), same: false },
    { name: "listeners swapped", text: BASE.replace("  - name: http\n    port: 80", "  - name: http0\n    port: 80"), same: false },
  ];
  for (const r of rows) {
    it(`${r.name}: ${r.same ? "same layout input" : "laid out again"}`, () => {
      expect(sameLayoutInput(graphOf(BASE), graphOf(r.text))).toBe(r.same);
    });
  }

  it("returns the same positions object without laying out; tidy and collapse always lay out", () => {
    const p = new Positions();
    const a = p.of(graphOf(BASE));
    expect(p.laidOut).toBe(true);
    const b = p.of(graphOf(rows[0].text));
    expect(p.laidOut).toBe(false);
    expect(b).toBe(a);
    p.of(graphOf(rows[0].text), ["team-1"]);
    expect(p.laidOut).toBe(true);
    p.of(graphOf(rows[0].text), ["team-1"], true);
    expect(p.laidOut).toBe(true);
  });
});

describe("Engine.layout(tidy): from scratch, with crossing reduction", () => {
  it("untangles what incremental edits left crossed, keeping every node", () => {
    const e = new Engine();
    e.load(wired([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6]]), "w.yaml");
    // Every route now sends to the opposite Service: kept in place, all six lines cross.
    const crossed = e.load(wired([[1, 6], [2, 5], [3, 4], [4, 3], [5, 2], [6, 1]]), "w.yaml");
    const y = (s: { positions: Record<string, { y: number }> }, id: string) => s.positions[id].y;
    expect(y(crossed, "Service/app/s1")).toBeLessThan(y(crossed, "Service/app/s6"));
    const tidy = e.layout([], true)!;
    expect(Object.keys(tidy.positions).sort()).toEqual(Object.keys(crossed.positions).sort());
    expect(Object.keys(tidy.positions).sort()).toEqual(tidy.graph.nodes.map((n) => n.id).sort());
    // Each Service now faces its route: s6 (r1's) on top.
    for (let i = 1; i < 6; i++) expect(y(tidy, `Service/app/s${7 - i}`)).toBeLessThan(y(tidy, `Service/app/s${6 - i}`));
    // A later edit goes on from the tidy layout.
    const after = e.load("# edited\n" + wired([[1, 6], [2, 5], [3, 4], [4, 3], [5, 2], [6, 1]]), "w.yaml");
    expect(after.positions["Service/app/s6"]).toEqual(tidy.positions["Service/app/s6"]);
  });
});

describe("Engine.load(autoCollapse): a large new picture opens collapsed, laid out once", () => {
  const big = routesYaml(200, 5);
  it("collapses the largest namespaces of a new picture and keeps them through edits", () => {
    const e = new Engine();
    const s = e.load(big, "w.yaml", { autoCollapse: true });
    expect(s.collapsed?.length).toBeGreaterThan(0);
    for (const ns of s.collapsed!) expect(Object.keys(s.positions).some((id) => id.startsWith(`Namespace/${ns}@`))).toBe(true);
    const edited = e.load(big.replace("      weight: 10\n", "      weight: 20\n"), "w.yaml", { autoCollapse: true });
    expect(edited.collapsed).toEqual(s.collapsed);
  });
  it("leaves small pictures, and pictures with namespaces asked collapsed, as asked", () => {
    const e = new Engine();
    expect(e.load(BASE, "w.yaml", { autoCollapse: true }).collapsed).toBeUndefined();
    expect(new Engine().load(big, "w.yaml", { autoCollapse: true, collapsed: ["team-1"] }).collapsed).toEqual(["team-1"]);
    // An edit of the same picture is not a new picture: expanded stays expanded.
    const f = new Engine();
    f.load(big, "w.yaml", { collapsed: [] });
    expect(f.load(big.replace("      weight: 10\n", "      weight: 20\n"), "w.yaml", { autoCollapse: true }).collapsed).toBeUndefined();
  });
});
