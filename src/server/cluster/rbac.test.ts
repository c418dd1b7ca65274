/**
 * docs/cluster-rbac.yaml must grant exactly what the proxy reads: get/list/watch on every watched
 * kind (no more kinds, no other verbs), and only `get` on Secrets and ConfigMaps (read one by one,
 * when referenced). Adding a kind to the catalogue
 * without updating the ClusterRole fails here.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { WATCHED_KINDS } from "./catalog";

const ROOT = join(import.meta.dirname, "..", "..", "..");

/** The plural resource name of a Gateway API or core kind (the CRDs' `names.plural`). */
function plural(kind: string): string {
  const k = kind.toLowerCase();
  if (/[^aeiou]y$/.test(k)) return k.slice(0, -1) + "ies";
  if (k.endsWith("s") || k.endsWith("sh")) return k + "es";
  return k + "s";
}

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

describe("docs/cluster-rbac.yaml", () => {
  const role = parse(readFileSync(join(ROOT, "docs", "cluster-rbac.yaml"), "utf8")) as { kind: string; rules: Rule[] };
  const granted = new Map<string, string[]>();
  for (const r of role.rules) for (const g of r.apiGroups) for (const res of r.resources) granted.set(`${g}/${res}`, [...r.verbs].sort());

  it("is a ClusterRole with read verbs only", () => {
    expect(role.kind).toBe("ClusterRole");
    for (const verbs of granted.values()) for (const v of verbs) expect(["get", "list", "watch"]).toContain(v);
  });

  it("grants get/list/watch on exactly the watched kinds, and get on Secrets and ConfigMaps", () => {
    const expected = new Map<string, string[]>(WATCHED_KINDS.map((k) => [`${k.group}/${plural(k.kind)}`, ["get", "list", "watch"]]));
    expected.set("/secrets", ["get"]);
    expected.set("/configmaps", ["get"]);
    expect(new Map([...granted].sort())).toEqual(new Map([...expected].sort()));
  });
});
