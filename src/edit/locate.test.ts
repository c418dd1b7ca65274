/** Finding a resource's document: identity read from its lines, hints checked, lists and JSON arrays. */
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { docEnd, findInDoc, findTarget, quickIdentity } from "./locate";
import { EditError } from "./types";

describe("quickIdentity", () => {
  const rows: [string, string, ReturnType<typeof quickIdentity>][] = [
    ["plain", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  namespace: b\nspec: {}\n", { kind: "Service", name: "a", namespace: "b" }],
    ["quotes and comments", `# c\n---\nkind: "HTTPRoute" # k\nmetadata:\n  # m\n  name: 'r'\nspec:\n  x: 1\n`, { kind: "HTTPRoute", name: "r", namespace: "" }],
    ["nested name keys are not the object's", "kind: Gateway\nmetadata:\n  labels:\n    name: no\n  name: yes-this\n", { kind: "Gateway", name: "yes-this", namespace: "" }],
    ["flow metadata: unsure", "kind: Service\nmetadata: {name: a}\n", null],
    ["a List: unsure", "kind: List\nitems: []\nmetadata:\n  name: l\n", null],
    ["JSON: unsure", '{"kind": "Service"}', null],
    ["an anchor: unsure", "kind: Service\nmetadata:\n  name: &n a\n", null],
    ["no name", "kind: Service\nmetadata:\n  namespace: x\n", null],
  ];
  for (const [name, text, expected] of rows) it(name, () => expect(quickIdentity(text)).toEqual(expected));
});

describe("findInDoc", () => {
  it("finds the root, an item of a List, an item of a JSON array", () => {
    expect(findInDoc(parseDocument("kind: Service\nmetadata:\n  name: a\n"), { kind: "Service", name: "a" })).toEqual([]);
    expect(findInDoc(parseDocument("kind: ServiceList\nitems:\n- kind: Service\n  metadata: {name: a}\n- kind: Service\n  metadata: {name: b}\n"), { kind: "Service", name: "b" })).toEqual(["items", 1]);
    expect(findInDoc(parseDocument('[{"kind": "Service", "metadata": {"name": "a"}}]'), { kind: "Service", name: "a" })).toEqual([0]);
  });

  it("compares the effective namespace; cluster-scoped kinds ignore it", () => {
    const doc = parseDocument("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n");
    expect(findInDoc(doc, { kind: "Service", name: "a", namespace: "default" })).toEqual([]);
    expect(findInDoc(doc, { kind: "Service", name: "a", namespace: "prod" })).toBeNull();
    const gc = parseDocument("apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: c\n");
    expect(findInDoc(gc, { kind: "GatewayClass", name: "c", namespace: "" })).toEqual([]);
  });
});

describe("findTarget", () => {
  const docs = ["kind: Service\nmetadata:\n  name: a\n", "---\nkind: Service\nmetadata:\n  name: b\n", "---\n# mentions b\nkind: Service\nmetadata:\n  name: c\n"];
  const text = docs.join("");
  const offsetOf = (i: number) => docs.slice(0, i).join("").length;

  it("without hints: the document that names it", () => {
    const f = findTarget(text, { kind: "Service", name: "b" });
    expect([f.start, f.end]).toEqual([offsetOf(1), offsetOf(2)]);
  });

  it("an offset hint goes straight there; a wrong one is checked and ignored", () => {
    expect(findTarget(text, { kind: "Service", name: "c", offset: offsetOf(2) }).start).toBe(offsetOf(2));
    expect(findTarget(text, { kind: "Service", name: "c", offset: offsetOf(1) }).start).toBe(offsetOf(2));
    expect(findTarget(text, { kind: "Service", name: "c", offset: 5 }).start).toBe(offsetOf(2));
    expect(findTarget(text, { kind: "Service", name: "a", doc: 2 }).start).toBe(0);
  });

  it("names what is missing", () => {
    expect(() => findTarget(text, { kind: "Service", name: "z", namespace: "prod" })).toThrow(new EditError("Service z in namespace prod not found"));
  });

  it("a document ends where the next --- line starts (not at --- inside a line)", () => {
    expect(docEnd("a: 1\nb: x---y\n---\nc: 1\n", 0)).toBe(14);
    expect(docEnd("a: 1\n", 0)).toBe(5);
  });
});
