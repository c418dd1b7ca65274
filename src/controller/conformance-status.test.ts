/**
 * Status cases of the upstream conformance suite (categories "HTTPRoute (Gateway)" and
 * "Gateway / GatewayClass"), judged against `simulate`. Skips with a message when ../shared is absent.
 */
import { describe, expect, it } from "vitest";
import { HAVE_CONFORMANCE, SKIP_REASON, byCategory, configFor, loadConformanceTests, type ConformanceTest, type StatusCase } from "../testing/conformance";
import { simulate } from "./index";
import { checkStatusCase } from "./testing/status-case";
import { NOT_SIMULATED_STATUS_CASES } from "./testing/not-simulated";
import { CONTROLLER_FEATURES } from "./features";

const CATEGORIES = ["HTTPRoute (Gateway)", "Gateway / GatewayClass", "BackendTLSPolicy", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute", "ListenerSet"];

/** Upstream's gating: a test is skipped when the implementation claims one of its skipIfFeatures or lacks a runOnlyIfFeatures entry. */
function gatedOut(t: ConformanceTest): string | null {
  const claimed = t.skipIfFeatures?.filter((f) => CONTROLLER_FEATURES.includes(f)) ?? [];
  if (claimed.length > 0) return `skipped as upstream does: the simulator claims ${claimed.join(", ")}`;
  const missing = t.runOnlyIfFeatures?.filter((f) => !CONTROLLER_FEATURES.includes(f)) ?? [];
  if (missing.length > 0) return `skipped as upstream does: the simulator does not claim ${missing.join(", ")}`;
  return null;
}

function label(t: ConformanceTest, sc: StatusCase, i: number): string {
  return `${t.name} #${i} ${sc.kind} ${sc.name}${sc.parent ? ` → ${sc.parent}` : ""}${sc.case ? ` (${sc.case})` : ""}`;
}

function run(t: ConformanceTest, sc: StatusCase): string[] {
  const before = simulate(configFor(t));
  const model = sc.after ? simulate(configFor(t, sc.after)) : before;
  return checkStatusCase(model, sc, before);
}

describe.skipIf(!HAVE_CONFORMANCE)("conformance status cases", () => {
  if (!HAVE_CONFORMANCE) console.warn(SKIP_REASON);
  const tests = HAVE_CONFORMANCE ? loadConformanceTests(byCategory(...CATEGORIES)) : [];
  for (const category of CATEGORIES) {
    describe(category, () => {
      for (const t of tests.filter((x) => x.category === category)) {
        const gate = gatedOut(t);
        t.status.forEach((sc, i) => {
          if (gate) {
            it.skip(`${label(t, sc, i)} — ${gate}`, () => {});
            return;
          }
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
