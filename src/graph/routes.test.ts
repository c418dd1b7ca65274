/** RouteLookup: a cursor in the controller's order answers what a map by key answers (the last view of a key). */
import { describe, expect, it } from "vitest";
import type { Model, RouteView } from "../model/model";
import type { Resource } from "../model/resource";
import { RouteLookup } from "./routes";

const res = (key: string): Resource => ({ key }) as unknown as Resource;
const view = (key: string, resource: Resource): RouteView => ({ key, kind: "HTTPRoute", resource, hostnames: [], rules: [], parents: [] });
const R = ["HTTPRoute/a/1", "HTTPRoute/a/2", "HTTPRoute/a/3"].map(res);
const byKey = new Map<string, Resource>([["Gateway/a/gw", res("gw")], ...R.map((r, i): [string, Resource] => [`HTTPRoute/a/${i + 1}`, r])]);
const V = R.map((r, i) => view(`HTTPRoute/a/${i + 1}`, r));

describe("RouteLookup", () => {
  it.each([
    { name: "the controller's order", routes: V, ordered: true },
    { name: "out of order", routes: [V[1], V[0], V[2]], ordered: false },
    { name: "a key twice (the last view counts)", routes: [V[0], view("HTTPRoute/a/1", R[1]), V[2]], ordered: false },
    { name: "a view the byKey entries do not hold", routes: [V[0], view("HTTPRoute/a/9", res("x"))], ordered: false },
  ])("$name", ({ routes, ordered }) => {
    const l = new RouteLookup({ byKey, routes } as unknown as Model);
    expect(l.ordered).toBe(ordered);
    const byMap = new Map(routes.map((r) => [r.key, r]));
    // Keys asked in route order, repeated, skipped, backwards and unknown: always the map's answer.
    const asks = [...routes.map((r) => r.key), routes[0].key, "HTTPRoute/a/3", "HTTPRoute/a/3", "HTTPRoute/a/1", "HTTPRoute/zz"];
    const c = l.cursor();
    for (const k of asks) expect(c.find(k), k).toBe(byMap.get(k));
  });
});
