/**
 * Every request case of the conformance category "GRPCRoute", through the controller and the
 * matcher: backend, gRPC status and traffic split. Cases that cannot be simulated are listed in
 * testing/not-simulated.ts (none today); what of them the configuration decides is still checked.
 */
import { describe, expect, it } from "vitest";
import { HAVE_CONFORMANCE, SKIP_REASON, byCategory, configFor, loadConformanceTests, type ConformanceTest, type RequestCase } from "../testing/conformance";
import { simulate } from "../controller";
import type { Model } from "../model/model";
import { match } from "./index";
import { checkStreamCase } from "./testing/stream-case";
import { notSimulated } from "./testing/not-simulated";

const tests = loadConformanceTests(byCategory("GRPCRoute")).filter((t) => t.requests.length > 0);
const models = new Map<string, Model>();

function modelFor(t: ConformanceTest, c: RequestCase): Model {
  const key = `${t.name}|${JSON.stringify(c.after ?? [])}`;
  let m = models.get(key);
  if (!m) models.set(key, (m = simulate(configFor(t, c.after ?? []))));
  return m;
}

const cases = tests.flatMap((t) =>
  t.requests.map((c, i) => ({ t, c, label: `${t.name} #${i} ${c.request.host || "(address)"} ${c.request.grpc?.service ?? ""}/${c.request.grpc?.method ?? ""} ${JSON.stringify(c.request.headers ?? {})}` })),
);

describe.skipIf(!HAVE_CONFORMANCE)("conformance request cases: GRPCRoute", () => {
  it("covers the category's 25 request cases", () => {
    expect(cases.length).toBe(25);
  });

  it.each(cases)("$label", ({ t, c }) => {
    const o = match(modelFor(t, c), c);
    const ns = notSimulated(t.name, c);
    const exp = { ...c.expect };
    for (const f of ns?.drop ?? []) delete exp[f];
    const problems = [...checkStreamCase(o, c, exp), ...(ns ? ns.check(o, c) : [])];
    const trace = o.trace.map((s) => `  ${s.step}: ${s.detail}`).join("\n");
    expect(problems, `${problems.join("\n")}\ntrace:\n${trace}`).toEqual([]);
    // Every call is answered with a gRPC status, and a routed one names a GRPCRoute.
    expect(o.grpcStatus).toBeTypeOf("string");
    if (o.route !== null) expect(o.route).toMatch(/^GRPCRoute\//);
  });
});

describe.skipIf(HAVE_CONFORMANCE)("conformance request cases: GRPCRoute", () => {
  it.skip(SKIP_REASON, () => {});
});
