/**
 * Status cases of the upstream conformance suite (categories "HTTPRoute (Gateway)" and
 * "Gateway / GatewayClass"), judged against `simulate`. Skips with a message when ../shared is absent.
 */
import { describe, expect, it } from "vitest";
import { HAVE_CONFORMANCE, SKIP_REASON, byCategory, configFor, loadConformanceTests, type ConformanceTest, type StatusCase } from "../testing/conformance";
import { simulate } from "./index";
import { checkStatusCase } from "./testing/status-case";
import { withPemCertificates } from "./testing/programmatic";
import { NOT_SIMULATED_STATUS_CASES } from "./testing/not-simulated";

const CATEGORIES = ["HTTPRoute (Gateway)", "Gateway / GatewayClass", "BackendTLSPolicy"];

function label(t: ConformanceTest, sc: StatusCase, i: number): string {
  return `${t.name} #${i} ${sc.kind} ${sc.name}${sc.parent ? ` → ${sc.parent}` : ""}${sc.case ? ` (${sc.case})` : ""}`;
}

function run(t: ConformanceTest, sc: StatusCase): string[] {
  const before = simulate(withPemCertificates(configFor(t)));
  const model = sc.after ? simulate(withPemCertificates(configFor(t, sc.after))) : before;
  return checkStatusCase(model, sc, before);
}

describe.skipIf(!HAVE_CONFORMANCE)("conformance status cases", () => {
  if (!HAVE_CONFORMANCE) console.warn(SKIP_REASON);
  const tests = HAVE_CONFORMANCE ? loadConformanceTests(byCategory(...CATEGORIES)) : [];
  for (const category of CATEGORIES) {
    describe(category, () => {
      for (const t of tests.filter((x) => x.category === category)) {
        t.status.forEach((sc, i) => {
          const skip = NOT_SIMULATED_STATUS_CASES.find((n) => n.test === t.name && n.index === i);
          if (skip) {
            it.skip(`${label(t, sc, i)} — not simulated: ${skip.reason}`, () => {});
            return;
          }
          it(label(t, sc, i), () => {
            expect(run(t, sc)).toEqual([]);
          });
        });
      }
    });
  }
});
