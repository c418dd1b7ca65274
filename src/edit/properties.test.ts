/**
 * Random sequences of edits (fast-check): the text always parses, every comment survives unless it
 * sat inside a node an edit removed, and every unknown field (`x-…`, whose values are unique)
 * survives likewise. Setting a scalar and setting it back gives the original text byte for byte.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseDocument, isCollection, isPair, isScalar, type Node as YNode } from "yaml";
import { applyEdit } from "./index";
import { parse } from "../parse";
import { splitDocuments } from "../parse/split";
import { commentsOf, checkResult } from "./testing/helpers";
import { PROPS_TEXT, PROPS_TEXT4 } from "./testing/props-fixtures";
import type { Edit, Path, Target } from "./types";
import type { Resource } from "../model/resource";

const GW: Target = { kind: "Gateway", name: "edge", namespace: "infra" };

/** Unique values of unknown fields (`u-…`) in a plain value. */
function unknownValues(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string" && v.startsWith("u-")) out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => unknownValues(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => unknownValues(x, out));
  return out;
}

/** Comments and unknown values inside the node at `path` of a resource: what removing it may take along. */
function inside(text: string, t: Target, path: Path): { comments: string[]; values: string[] } {
  for (const c of splitDocuments(text)) {
    const doc = parseDocument(c.text, { uniqueKeys: false });
    if (doc.getIn(["kind"]) !== t.kind || doc.getIn(["metadata", "name"]) !== t.name) continue;
    const node = doc.getIn(path, true) as YNode | undefined;
    if (!node?.range) return { comments: [], values: [] };
    // The end of the node's own content: its last scalar or flow collection (a block collection's
    // range also covers the comment lines after it, which belong to what follows).
    let end = node.range[0];
    const visit = (n: unknown): void => {
      if (isPair(n)) return [n.key, n.value].forEach(visit);
      const y = n as YNode | null;
      if (!y?.range) return;
      if (isCollection(y) && !y.flow) y.items.forEach(visit);
      else end = Math.max(end, y.range[1]);
    };
    visit(node);
    if (isScalar(node) || isCollection(node)) {
      const lineEnd = c.text.indexOf("\n", end);
      end = lineEnd === -1 ? c.text.length : lineEnd;
    }
    const start = c.text.lastIndexOf("\n", node.range[0]) + 1;
    return { comments: commentsOf(c.text.slice(start, end)), values: unknownValues(node.toJSON()) };
  }
  return { comments: [], values: [] };
}

interface Step {
  op: number;
  a: number;
  b: number;
  c: number;
}

/** A concrete edit for the current text, and the node it removes (if any). */
function concrete(res: Resource[], s: Step): { edit: Edit; removes?: [Target, Path] } | null {
  const route = res.find((r) => r.kind === "HTTPRoute");
  const gw = res.find((r) => r.kind === "Gateway");
  if (!route || !gw) return null;
  const R: Target = { kind: "HTTPRoute", name: route.name, namespace: "infra" };
  const rules: { backendRefs?: unknown[]; matches?: unknown[]; filters?: unknown[] }[] = route.spec.rules ?? [];
  const listeners: { name: string }[] = gw.spec.listeners ?? [];
  const nr = rules.length;
  const ri = nr ? s.a % nr : 0;
  const rule = rules[ri] ?? {};
  const nb = rule.backendRefs?.length ?? 0;
  switch (s.op) {
    case 0:
      return nb ? { edit: { op: "setWeights", target: R, rule: ri, weights: rule.backendRefs!.map((_, i) => (s.b + i * s.c) % 100) } } : null;
    case 1: {
      const hostnames = Array.from({ length: s.b % 3 }, (_, i) => `h${i}-${s.c % 5}.example.com`);
      // No hostnames removes the field, with the comment on its line.
      return { edit: { op: "setHostnames", target: R, hostnames }, removes: hostnames.length ? undefined : [R, ["spec", "hostnames"]] };
    }
    case 2:
      return { edit: { op: "addRule", target: R, index: s.b % (nr + 1) } };
    case 3:
      return nr ? { edit: { op: "removeRule", target: R, rule: ri }, removes: [R, ["spec", "rules", ri]] } : null;
    case 4:
      return nr ? { edit: { op: "moveRule", target: R, from: ri, to: s.b % nr } } : null;
    case 5:
      return nr ? { edit: { op: "addMatch", target: R, rule: ri, match: { path: { type: "Exact", value: `/m${s.b % 9}` } } } } : null;
    case 6: {
      const nm = rule.matches?.length ?? 0;
      return nm ? { edit: { op: "removeMatch", target: R, rule: ri, match: s.b % nm }, removes: [R, ["spec", "rules", ri, "matches", s.b % nm]] } : null;
    }
    case 7:
      return nr ? { edit: { op: "addFilter", target: R, rule: ri, filter: { type: ["RequestHeaderModifier", "URLRewrite", "RequestMirror", "CORS"][s.b % 4] } } } : null;
    case 8: {
      const nf = rule.filters?.length ?? 0;
      return nf ? { edit: { op: "removeFilter", target: R, rule: ri, filter: s.b % nf }, removes: [R, ["spec", "rules", ri, "filters", s.b % nf]] } : null;
    }
    case 9:
      return nr ? { edit: { op: "addBackend", target: R, rule: ri, backend: { name: `svc-${s.b % 7}`, weight: s.c % 10 }, index: s.c % (nb + 1) } } : null;
    case 10:
      return nb ? { edit: { op: "removeBackend", target: R, rule: ri, backend: s.b % nb }, removes: [R, ["spec", "rules", ri, "backendRefs", s.b % nb]] } : null;
    case 11:
      return { edit: { op: "addListener", target: GW, listener: { port: 1000 + (s.b % 100) } } };
    case 12:
      return listeners.length ? { edit: { op: "updateListener", target: GW, listener: listeners[s.a % listeners.length].name, changes: { port: 1 + (s.b % 65535), hostname: s.c % 2 ? `l${s.c % 4}.example.com` : null } } } : null;
    case 13: {
      const i = s.a % Math.max(1, listeners.length);
      return listeners.length > 1 ? { edit: { op: "removeListener", target: GW, listener: listeners[i].name }, removes: [GW, ["spec", "listeners", i]] } : null;
    }
    case 14:
      return listeners.length ? { edit: { op: "moveListener", target: GW, listener: listeners[s.a % listeners.length].name, to: s.b % listeners.length } } : null;
    case 15:
      return { edit: { op: "rename", target: { kind: "Service", name: res.find((r) => r.kind === "Service")!.name, namespace: "infra" }, newName: `svc-r${s.b % 50}` } };
    case 16:
      return nr ? { edit: { op: "updateRule", target: R, rule: ri, patch: { timeouts: s.b % 2 ? { request: `${s.c % 60}s` } : null } } } : null;
    default:
      return { edit: { op: "addParentRef", target: R, parentRef: { name: "edge", sectionName: "web", port: s.b % 2 ? 8080 : undefined } } };
  }
}

const EXPECTED_FAILURE = /already exists|does not exist|has no|out of range|not found/;

describe.each([
  ["two-space block style", PROPS_TEXT],
  ["four-space, indented sequences, flow", PROPS_TEXT4],
])("random edit sequences (%s)", (_, TEXT) => {
  it("keep the YAML valid, every comment and every unknown field that was not removed", () => {
    let applied = 0;
    const step = fc.record({ op: fc.integer({ min: 0, max: 17 }), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        let text = TEXT;
        let parsed = parse(text);
        let comments = commentsOf(text).sort();
        let values = unknownValues(parsed.resources.map((r) => r.obj)).sort();
        for (const s of steps) {
          const c = concrete(parsed.resources, s);
          if (!c) continue;
          const gone = c.removes ? inside(text, c.removes[0], c.removes[1]) : { comments: [], values: [] };
          const r = applyEdit(text, c.edit);
          if (!r.ok) {
            expect(r.error, JSON.stringify(c.edit)).toMatch(EXPECTED_FAILURE);
            continue;
          }
          applied++;
          text = checkResult(text, r);
          parsed = parse(text);
          for (const g of gone.comments) comments.splice(comments.indexOf(g), 1);
          for (const g of gone.values) values.splice(values.indexOf(g), 1);
          const nowComments = commentsOf(text).sort();
          const nowValues = unknownValues(parsed.resources.map((x) => x.obj)).sort();
          expect(nowComments, JSON.stringify(c.edit)).toEqual(comments);
          expect(nowValues, JSON.stringify(c.edit)).toEqual(values);
          expect(parsed.diagnostics.filter((d) => d.code === "yaml-syntax" || d.code === "internal")).toEqual([]);
          comments = nowComments;
          values = nowValues;
        }
      }),
      { numRuns: Number(process.env.EDIT_PROPERTY_RUNS ?? 150) },
    );
    // Most steps must have been real edits, not skipped.
    expect(applied).toBeGreaterThan(300);
  });

});

describe("scalar round trips", () => {
  it("a scalar set to a new value and back returns the text byte for byte", () => {
    // Values the original style can hold: plain fields get plain-safe strings, quoted ones any string.
    const plain = fc.stringMatching(/^[a-z][a-z0-9./-]{2,20}$/);
    const any = fc.oneof(fc.string(), fc.constantFrom("on", "yes", "1e3", "a: b", "#x", "*.x", "- y", "'q'", '"d"', "", " lead", "multi\nline\n"));
    const int = fc.integer({ min: 0, max: 1_000_000 });
    const H: Target = { kind: "HTTPRoute", name: "store" };
    const cases: [Target, Path, fc.Arbitrary<string | number>][] = [
      [GW, ["spec", "listeners", 1, "port"], int],
      [GW, ["metadata", "name"], plain],
      [H, ["spec", "hostnames", 0], any],
      [H, ["spec", "rules", 0, "matches", 0, "path", "value"], plain],
      [H, ["spec", "rules", 0, "backendRefs", 0, "weight"], int],
      [H, ["spec", "rules", 1, "filters", 0, "requestHeaderModifier", "set", 0, "value"], plain],
      [H, ["spec", "rules", 2, "backendRefs", 0, "port"], int],
    ];
    const pick = fc.constantFrom(...cases).chain(([t, p, arb]) => arb.map((v) => [t, p, v] as const));
    fc.assert(
      fc.property(pick, ([t, p, v]) => {
        const original = parse(PROPS_TEXT).resources.find((r) => r.kind === t.kind)!;
        let old: unknown = original.obj;
        for (const s of p) old = (old as Record<string, unknown>)[s as string];
        const there = checkResult(PROPS_TEXT, applyEdit(PROPS_TEXT, { op: "set", target: t, path: p, value: v }));
        const readBack = parse(there).resources.find((r) => r.kind === t.kind && (p[1] !== "name" || r.name === v))!;
        let got: unknown = readBack?.obj;
        for (const s of p) got = (got as Record<string, unknown> | undefined)?.[s as string];
        expect(got).toEqual(v);
        const back = applyEdit(there, { op: "set", target: p[1] === "name" ? { ...t, name: String(v) } : t, path: p, value: old as string });
        expect(back.ok && back.text).toBe(PROPS_TEXT);
      }),
      { numRuns: 300 },
    );
  });
});
