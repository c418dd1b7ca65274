/**
 * Every request case of the conformance category "Mesh (GAMMA)", through the controller and the
 * matcher (gRPC cases through the GRPCRoute matcher of grpc.ts, on the Service port's routes). Cases the configuration cannot decide are listed in testing/not-simulated.ts (with what
 * of them is still checked).
 */
import { describe, expect, it } from "vitest";
import { HAVE_CONFORMANCE, SKIP_REASON, byCategory, configFor, loadConformanceTests, type ConformanceTest, type RequestCase } from "../testing/conformance";
import { simulate } from "../controller";
import type { Model } from "../model/model";
import { match } from "./index";
import { checkStreamCase } from "./testing/stream-case";
import { notSimulated } from "./testing/not-simulated";

const tests = loadConformanceTests(byCategory("Mesh (GAMMA)")).filter((t) => t.requests.length > 0);
const models = new Map<string, Model>();

function modelFor(t: ConformanceTest, c: RequestCase): Model {
  const key = `${t.name}|${JSON.stringify(c.after ?? [])}`;
  let m = models.get(key);
  if (!m) {
    m = simulate(configFor(t, c.after ?? []));
    models.set(key, m);
  }
  return m;
}

const cases = tests.flatMap((t) =>
  t.requests.map((c, i) => ({ t, c, label: `${t.name} #${i} ${c.name ?? ""} ${c.request.protocol ?? "HTTP"} ${c.mesh?.service ?? c.mesh?.pod ?? "?"}:${c.mesh?.port ?? ""}${c.request.path ?? ""}`.replace(/\s+/g, " ") })),
);

describe.skipIf(!HAVE_CONFORMANCE)("conformance request cases: Mesh (GAMMA)", () => {
  it("covers the category", () => {
    // README.md: Mesh (GAMMA) — 22 tests, 81 request cases.
    expect(tests.length).toBe(22);
    expect(cases.length).toBe(81);
  });

  it("every route of the mesh tests is accepted by its Service parents", () => {
    for (const t of tests) {
      const m = simulate(configFor(t, []));
      for (const r of m.routes) for (const p of r.parents) expect(`${r.key} → ${p.ref}: ${p.accepted ? "Accepted" : p.reason}`).toBe(`${r.key} → ${p.ref}: Accepted`);
    }
  });

  it.each(cases)("$label", ({ t, c }) => {
    const model = modelFor(t, c);
    const o = match(model, c);
    const ns = notSimulated(t.name, c);
    const exp = { ...c.expect };
    for (const f of ns?.drop ?? []) delete exp[f];
    // checkStreamCase: every field of checkRequestCase, plus grpcStatus (MeshGRPCRouteWeight).
    const problems = [...checkStreamCase(o, c, exp), ...(ns ? ns.check(o, c) : [])];
    const trace = o.trace.map((s) => `  ${s.step}: ${s.detail}`).join("\n");
    expect(problems, `${problems.join("\n")}\ntrace:\n${trace}`).toEqual([]);
    // Mesh traffic reaches a Service frontend, never a Gateway listener.
    expect(o.listener).toBeNull();
  });
});

describe.skipIf(HAVE_CONFORMANCE)("conformance request cases: Mesh (GAMMA)", () => {
  it.skip(SKIP_REASON, () => {});
});
