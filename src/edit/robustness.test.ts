/** Edits that cannot apply say why (never throw); CRLF documents stay CRLF. */
import { describe, expect, it } from "vitest";
import { applyEdit } from "./index";
import { edited, valueAt } from "./testing/helpers";
import { ROUTE_DOC } from "./testing/fixtures";
import type { Edit } from "./types";

const T = { kind: "HTTPRoute", name: "web" };

describe("edits that cannot apply", () => {
  const rows: { name: string; edit: Edit; error: RegExp }[] = [
    { name: "unknown resource", edit: { op: "set", target: { kind: "HTTPRoute", name: "nope" }, path: ["spec"], value: 1 }, error: /HTTPRoute nope not found/ },
    { name: "wrong namespace", edit: { op: "set", target: { ...T, namespace: "other" }, path: ["spec"], value: 1 }, error: /not found/ },
    { name: "index past the end", edit: { op: "set", target: T, path: ["spec", "rules", 5, "name"], value: "x" }, error: /cannot set/ },
    { name: "insert into a mapping", edit: { op: "insert", target: T, path: ["spec"], value: 1 }, error: /not a sequence/ },
    { name: "move out of range", edit: { op: "move", target: T, path: ["spec", "rules"], from: 0, to: 7 }, error: /cannot move/ },
    { name: "delete the root", edit: { op: "delete", target: T, path: [] }, error: /deleteResource/ },
    { name: "unknown op", edit: { op: "explode" } as unknown as Edit, error: /unknown edit operation/ },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const res = applyEdit(ROUTE_DOC, r.edit);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error).toMatch(r.error);
    });
  }

  it("a document with YAML errors is not edited", () => {
    const bad = `${ROUTE_DOC}---\nkind: Service\nmetadata:\n  name: s\nspec: [unclosed\n`;
    const res = applyEdit(bad, { op: "set", target: { kind: "Service", name: "s" }, path: ["spec"], value: 1 });
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/YAML errors/) });
  });

  it("an empty batch returns the text as it was", () => {
    expect(applyEdit(ROUTE_DOC, { op: "batch", edits: [] })).toEqual({ ok: true, text: ROUTE_DOC, changed: [], patches: [] });
  });
});

describe("CRLF documents", () => {
  const crlf = ROUTE_DOC.replace(/\n/g, "\r\n");
  const edits: Edit[] = [
    { op: "setWeights", target: T, rule: 0, weights: [1, 2] },
    { op: "addBackend", target: T, rule: 0, backend: { name: "v9" } },
    { op: "addFilter", target: T, rule: 1, filter: { type: "RequestRedirect" } },
    { op: "removeBackend", target: T, rule: 0, backend: 0 },
    { op: "set", target: T, path: ["spec", "rules", 1, "description"], value: "a\nb\n" },
    { op: "set", target: T, path: ["spec", "parentRefs"], value: [{ name: "other", port: 80 }] },
    { op: "moveRule", target: T, from: 1, to: 0 },
    { op: "delete", target: T, path: ["spec", "rules", 1, "empty"] },
  ];
  for (const edit of edits) {
    it(`${edit.op} keeps every line break CRLF`, () => {
      const after = edited(crlf, edit);
      expect(after).not.toBe(crlf);
      expect(after.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      const lf = edited(ROUTE_DOC, edit);
      expect(after).toBe(lf.replace(/\n/g, "\r\n"));
    });
  }
});

describe("a key written twice", () => {
  it("the edit changes the one readers take (the last), so the value reads back", () => {
    const text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n    port: 81\n";
    const after = edited(text, { op: "set", target: { kind: "Service", name: "s" }, path: ["spec", "ports", 0, "port"], value: 82 });
    expect(after).toBe(text.replace("port: 81", "port: 82"));
    expect(valueAt(after, "Service", "s", ["spec", "ports", 0, "port"])).toBe(82);
  });
});

describe("patches", () => {
  it("one tight patch per changed document, in the old text's offsets", () => {
    const r = applyEdit(ROUTE_DOC, { op: "setWeights", target: T, rule: 0, weights: [50, 50] });
    expect(r.ok && r.patches).toEqual([{ from: ROUTE_DOC.indexOf("90 # stable"), to: ROUTE_DOC.indexOf("10\n    x-custom") + 1, text: "50 # stable\n    # the canary\n    - name: v2\n      port: 8080\n      weight: 5" }]);
  });

  it("a removed document is an empty replacement; new documents are appended at the end", () => {
    const two = `${ROUTE_DOC}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n`;
    const r = applyEdit(two, { op: "batch", edits: [{ op: "deleteResource", target: { kind: "Service", name: "s" } }, { op: "createResource", resource: { kind: "Namespace", name: "team" } }] });
    expect(r.ok && r.patches).toEqual([
      { from: ROUTE_DOC.length, to: two.length, text: "" },
      { from: two.length, to: two.length, text: "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n" },
    ]);
  });
});
