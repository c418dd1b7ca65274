/** The filter menus' namespaces and kind counts (FilterBar's nodeFacts), kept across edits that keep them. */
import { describe, expect, it } from "vitest";
import { nodeFacts } from "./FilterBar";
import type { GraphNode } from "../../src/graph";

const n = (kind: string, namespace: string, name: string) => ({ id: `${kind}/${namespace}/${name}`, kind, namespace, name }) as unknown as GraphNode;

describe("nodeFacts", () => {
  const a = [n("HTTPRoute", "b", "r1"), n("Service", "a", "s"), n("HTTPRoute", "a", "r2")];
  const want = { namespaces: ["a", "b"], kinds: [["HTTPRoute", 2], ["Service", 1]] };

  it.each([
    ["a first list", () => a, want],
    ["an edit: other objects, same kinds and namespaces in place", () => a.map((x) => ({ ...x })), want],
    ["a kind changed in place", () => [a[0], n("Gateway", "a", "s"), a[2]], { namespaces: ["a", "b"], kinds: [["Gateway", 1], ["HTTPRoute", 2]] }],
    ["a namespace changed in place", () => [n("HTTPRoute", "c", "r1"), a[1], a[2]], { namespaces: ["a", "c"], kinds: [["HTTPRoute", 2], ["Service", 1]] }],
    ["a node more", () => [...a, n("Service", "d", "t")], { namespaces: ["a", "b", "d"], kinds: [["HTTPRoute", 2], ["Service", 2]] }],
    ["none", () => [], { namespaces: [], kinds: [] }],
  ])("%s", (_, nodes, expected) => {
    nodeFacts(a);
    expect(nodeFacts(nodes())).toEqual(expected);
  });
});
