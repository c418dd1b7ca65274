/**
 * The history trusts src/edit's `changed` spans to record a visual edit without comparing whole
 * texts: check that, for edits of every kind on the gallery's examples, the span covers the change.
 */
import { describe, expect, it } from "vitest";
import { applyEdit, load, buildGraph } from "../../src";
import type { Edit } from "../../src/edit/types";
import { GALLERY } from "../gallery";
import { TextHistory } from "./textHistory";
import { targetOfId } from "./targets";

/** A handful of edits that apply to an example's objects. */
function editsFor(yaml: string): Edit[] {
  const g = buildGraph(load(yaml).model);
  const out: Edit[] = [];
  for (const n of g.nodes) {
    if (!n.defined) continue;
    const target = targetOfId(n.id);
    if (!target) continue;
    if (n.kind === "Gateway") out.push({ op: "addListener", target, listener: { protocol: "HTTPS" } }, { op: "rename", target, newName: `${n.name}-x` });
    if (n.role === "route") out.push({ op: "setHostnames", target, hostnames: ["edited.example.com"] }, { op: "addParentRef", target, parentRef: { name: "other", sectionName: "s" } }, { op: "deleteResource", target });
    if (n.kind === "Service") out.push({ op: "set", target, path: ["spec", "ports", 0, "port"], value: 1234 });
  }
  out.push({ op: "createResource", resource: { kind: "Service", name: "brand-new", namespace: "default" } });
  return out;
}

describe("changed spans cover the edit", () => {
  for (const ex of GALLERY) {
    it(ex.id, () => {
      let checked = 0;
      for (const e of editsFor(ex.yaml)) {
        const r = applyEdit(ex.yaml, e);
        if (!r.ok || r.text === ex.yaml) continue;
        const from = Math.min(...r.changed.map((c) => c.from));
        const to = Math.max(...r.changed.map((c) => c.to));
        const h = new TextHistory();
        h.record(ex.yaml, r.text, "visual", 0, { from, to });
        expect(h.undo(r.text), `${e.op} on ${ex.id}`).toBe(ex.yaml);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
