/**
 * Every request case of the conformance category "BackendTLSPolicy" (and the backend client
 * certificate case of GatewayTLSBackendClientCertificate), through the controller and the matcher:
 * status, backend and the gateway's TLS connection to the backend (`backendTLS`: SNI, client
 * certificate). Cases whose outcome hangs on certificates generated at run time are listed in
 * testing/not-simulated.ts; what of them the configuration decides is still checked.
 */
import { describe, expect, it } from "vitest";
import { HAVE_CONFORMANCE, SKIP_REASON, byCategory, configFor, loadConformanceTests, type ConformanceTest, type RequestCase } from "../testing/conformance";
import { simulate } from "../controller";
import type { Model } from "../model/model";
import { match } from "./index";
import { naiveMatch } from "./naive";
import { checkRequestCase } from "./testing/request-case";
import { notSimulated } from "./testing/not-simulated";

const tests = loadConformanceTests((t) => byCategory("BackendTLSPolicy")(t) || t.name === "GatewayTLSBackendClientCertificate").filter((t) => t.requests.length > 0);
const models = new Map<string, Model>();

function modelFor(t: ConformanceTest, c: RequestCase): Model {
  const key = `${t.name}|${JSON.stringify(c.after ?? [])}`;
  let m = models.get(key);
  if (!m) models.set(key, (m = simulate(configFor(t, c.after ?? []))));
  return m;
}

const cases = tests.flatMap((t) => t.requests.map((c, i) => ({ t, c, label: `${t.name} #${i} ${c.request.protocol ?? "HTTP"} ${c.request.host}${c.request.path ?? ""}` })));

describe.skipIf(!HAVE_CONFORMANCE)("conformance request cases: BackendTLSPolicy", () => {
  it("covers the category's 17 request cases and the backend client certificate case", () => {
    expect(cases.length).toBe(18);
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
    // The reference matcher agrees on the route, rule and match (policies act after routing).
    const n = naiveMatch(model, c);
    expect({ route: n.route, rule: n.rule, match: n.match }).toEqual({ route: o.route, rule: o.rule, match: o.match });
  });
});

describe.skipIf(HAVE_CONFORMANCE)("conformance request cases: BackendTLSPolicy", () => {
  it.skip(SKIP_REASON, () => {});
});
