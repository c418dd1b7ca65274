/**
 * An empty flow collection (`{}` / `[]`, how YAML writes "none yet") that receives its first entry
 * is written in the block style of the document around it; a flow collection with entries, a flow
 * parent and JSON stay flow.
 */
import { describe, expect, it } from "vitest";
import { applyEdit } from "./index";
import { checkResult } from "./testing/helpers";
import type { Edit } from "./types";

const TEXT = `kind: HTTPRoute
metadata:
  name: r
spec:
  rules:
    - filters:
        - type: RequestHeaderModifier
          requestHeaderModifier: {} # none yet
      backendRefs: []
    - backendRefs: [{name: a, port: 80}]
      matches: [{path: {value: /}}]
`;
const target = { kind: "HTTPRoute", name: "r" };
const MOD = ["spec", "rules", 0, "filters", 0, "requestHeaderModifier"];

const ROWS: { name: string; edit: Edit; contains: string[] }[] = [
  {
    name: "a first key into {}",
    edit: { op: "insert", target, path: [...MOD, "set"], value: { name: "x-a", value: "1" } },
    contains: ["          requestHeaderModifier:\n            set:\n              - name: x-a\n                value: \"1\"", "# none yet"],
  },
  {
    name: "{} replaced by a map",
    edit: { op: "set", target, path: MOD, value: { remove: ["x-b"] } },
    contains: ["          requestHeaderModifier:\n            remove:\n              - x-b", "# none yet"],
  },
  {
    name: "a first item into []",
    edit: { op: "insert", target, path: ["spec", "rules", 0, "backendRefs"], value: { name: "b", port: 8080 } },
    contains: ["      backendRefs:\n        - name: b\n          port: 8080\n"],
  },
  {
    name: "a flow list with items stays flow",
    edit: { op: "insert", target, path: ["spec", "rules", 1, "backendRefs"], value: { name: "c", port: 81 } },
    contains: ["    - backendRefs: [{name: a, port: 80}, {name: c, port: 81}]\n"],
  },
  {
    name: "inside a flow parent, an empty value stays flow",
    edit: { op: "set", target, path: ["spec", "rules", 1, "matches", 0, "headers"], value: [{ name: "h", value: "v" }] },
    contains: ["matches: [{path: {value: /}, headers: [{name: h, value: v}]}]"],
  },
];

describe("empty flow collections receive block entries", () => {
  for (const r of ROWS) {
    it(r.name, () => {
      const text = checkResult(TEXT, applyEdit(TEXT, r.edit));
      for (const c of r.contains) expect(text).toContain(c);
    });
  }

  it("JSON stays JSON", () => {
    const json = `{"kind": "HTTPRoute", "metadata": {"name": "r"}, "spec": {"rules": [{"backendRefs": []}]}}\n`;
    const out = checkResult(json, applyEdit(json, { op: "insert", target, path: ["spec", "rules", 0, "backendRefs"], value: { name: "b" } }));
    expect(JSON.parse(out).spec.rules[0].backendRefs).toEqual([{ name: "b" }]);
    expect(out).not.toContain("- name");
  });
});
