import { describe, expect, it } from "vitest";
import { Engine } from "./engine";
import { Positions, sameLayoutInput } from "./positions";
import { routesYaml } from "../../bench/fixtures";

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
