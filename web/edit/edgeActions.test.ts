/** The references a selected edge stands for, against the current graph. */
import { describe, expect, it } from "vitest";
import type { GraphEdge } from "../../src/graph";
import { refsOfEdge } from "./edgeActions";

const ref = (from: string, to: string, path: (string | number)[]): GraphEdge => ({ id: `backendRef:${from}:${to}:${path.join(".")}`, type: "backendRef", from, to, ok: true, path });

describe("refsOfEdge", () => {
  const a = ref("HTTPRoute/a/r", "Service/a/s", ["spec", "rules", 0, "backendRefs", 0]);
  const b = ref("HTTPRoute/a/r", "Service/a/s", ["spec", "rules", 1, "backendRefs", 0]);
  const other = ref("HTTPRoute/a/r", "Service/a/t", ["spec", "rules", 0, "backendRefs", 1]);

  it("an edge between graph nodes: every reference between them now", () => {
    expect(refsOfEdge([a, b, other], { from: "HTTPRoute/a/r", to: "Service/a/s", refs: [a] })).toEqual([a, b]);
  });

  it("an edge to a summary: the references it held that are still there", () => {
    expect(refsOfEdge([a, other], { from: "HTTPRoute/a/r", to: "Namespace/a@4", refs: [a, b] })).toEqual([a]);
  });

  it("references gone since the selection (an undo) are not removed", () => {
    const moved = ref("HTTPRoute/a/r", "Service/a/t", ["spec", "rules", 0, "backendRefs", 0]);
    expect(refsOfEdge([moved], { from: "HTTPRoute/a/r", to: "Namespace/a@4", refs: [a] })).toEqual([]);
  });
});
