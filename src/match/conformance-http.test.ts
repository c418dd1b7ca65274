/**
 * Every request case of the conformance categories "HTTPRoute (Gateway)", "Gateway / GatewayClass"
 * and "ListenerSet" (listeners a ListenerSet adds are served on its Gateway's address), through the
 * controller and the matcher. Cases that depend on live backends are
 * listed in testing/not-simulated.ts; what of them the configuration decides is still checked.
 */
import { describe, expect, it } from "vitest";
import { HAVE_CONFORMANCE, SKIP_REASON, byCategory, configFor, loadConformanceTests, type ConformanceTest, type RequestCase } from "../testing/conformance";
import { simulate } from "../controller";
import type { Model } from "../model/model";
import { match } from "./index";
import { naiveMatch } from "./naive";
import { checkRequestCase } from "./testing/request-case";
import { notSimulated } from "./testing/not-simulated";

const tests = loadConformanceTests(byCategory("HTTPRoute (Gateway)", "Gateway / GatewayClass", "ListenerSet")).filter((t) => t.requests.length > 0);
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
  t.requests.map((c, i) => ({ t, c, label: `${t.name} #${i} ${c.name ?? ""} ${c.request.protocol ?? "HTTP"} ${c.request.host || "(address)"}${c.request.path ?? ""}`.replace(/\s+/g, " ") })),
);

describe.skipIf(!HAVE_CONFORMANCE)("conformance request cases: HTTPRoute, Gateway and ListenerSet", () => {
  it("covers the categories", () => {
    expect(cases.length).toBeGreaterThanOrEqual(365);
  });

  it.each(cases)("$label", ({ t, c }) => {
    const model = modelFor(t, c);
    const o = match(model, c);
    const ns = notSimulated(t.name, c);
    const exp = { ...c.expect };
    for (const f of ns?.drop ?? []) delete exp[f];
    const problems = [...checkRequestCase(o, exp), ...(ns ? ns.check(o, c) : [])];
    const trace = o.trace.map((s) => `  ${s.step}: ${s.detail}`).join("\n");
    expect(problems, `${problems.join("\n")}\ntrace:\n${trace}`).toEqual([]);
    // The reference matcher agrees on where the request goes.
    const n = naiveMatch(model, c);
    expect({ status: n.statusCode, backend: n.backend, route: n.route, rule: n.rule, match: n.match }).toEqual({ status: o.statusCode, backend: o.backend, route: o.route, rule: o.rule, match: o.match });
  });
});

describe.skipIf(HAVE_CONFORMANCE)("conformance request cases", () => {
  it.skip(SKIP_REASON, () => {});
});
