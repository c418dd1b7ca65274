/**
 * Every request case of the conformance categories "TLSRoute", "TCPRoute" and "UDPRoute", through
 * the controller and the matcher: the backend a connection reaches (or its rejection), the traffic
 * split, whether the backend itself terminates TLS and the SNI it sees, and that repeated
 * connections never reach a route that loses. Cases that cannot be simulated are listed in
 * testing/not-simulated.ts (none today).
 */
import { describe, expect, it } from "vitest";
import { HAVE_CONFORMANCE, SKIP_REASON, byCategory, configFor, loadConformanceTests, type ConformanceTest, type RequestCase } from "../testing/conformance";
import { simulate } from "../controller";
import type { Model } from "../model/model";
import { match } from "./index";
import { checkStreamCase } from "./testing/stream-case";
import { notSimulated } from "./testing/not-simulated";

const CATEGORIES = ["TLSRoute", "TCPRoute", "UDPRoute"];
const tests = loadConformanceTests(byCategory(...CATEGORIES)).filter((t) => t.requests.length > 0);
const models = new Map<string, Model>();

function modelFor(t: ConformanceTest, c: RequestCase): Model {
  const key = `${t.name}|${JSON.stringify(c.after ?? [])}`;
  let m = models.get(key);
  if (!m) models.set(key, (m = simulate(configFor(t, c.after ?? []))));
  return m;
}

const cases = tests.flatMap((t) =>
  t.requests.map((c, i) => ({ t, c, label: `${t.name} #${i} ${c.request.protocol} :${c.request.port ?? ""} ${c.request.sni ? `SNI ${c.request.sni}` : ""}` })),
);

describe.skipIf(!HAVE_CONFORMANCE)("conformance request cases: TLSRoute, TCPRoute, UDPRoute", () => {
  it("covers the categories' request cases (TLS 17, TCP 10, UDP 10)", () => {
    expect(cases.filter((x) => x.t.category === "TLSRoute").length).toBe(17);
    expect(cases.filter((x) => x.t.category === "TCPRoute").length).toBe(10);
    expect(cases.filter((x) => x.t.category === "UDPRoute").length).toBe(10);
  });

  it.each(cases)("$label", ({ t, c }) => {
    const o = match(modelFor(t, c), c);
    const ns = notSimulated(t.name, c);
    const exp = { ...c.expect };
    for (const f of ns?.drop ?? []) delete exp[f];
    const problems = [...checkStreamCase(o, c, exp), ...(ns ? ns.check(o, c) : [])];
    const trace = o.trace.map((s) => `  ${s.step}: ${s.detail}`).join("\n");
    expect(problems, `${problems.join("\n")}\ntrace:\n${trace}`).toEqual([]);
    // A routed connection names a route of the category's kind; a refused one says why.
    if (o.route !== null) expect(o.route.split("/")[0]).toBe(t.category);
    if (o.statusCode === 0) expect(o.connectionError).toBeTruthy();
  });
});

describe.skipIf(HAVE_CONFORMANCE)("conformance request cases: TLSRoute, TCPRoute, UDPRoute", () => {
  it.skip(SKIP_REASON, () => {});
});
