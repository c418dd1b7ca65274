/**
 * Conformance request cases whose expectation depends on something outside the configuration, so
 * an offline simulator cannot reproduce it. Each entry says why, which expect fields are set aside,
 * and what is still checked: that the request gets as far as the configuration can take it.
 */
import type { Outcome } from "../../model/outcome";
import type { RequestCase } from "../../testing/conformance";

export interface NotSimulated {
  test: string;
  /** Which cases of the test (all when absent). */
  when?: (c: RequestCase) => boolean;
  reason: string;
  /** Expect fields not checked for these cases. */
  drop: string[];
  /** What is still checked; returns problems. */
  check: (o: Outcome, c: RequestCase) => string[];
}

/** The request reaches a valid backend through a rule whose trace mentions `word`. */
function reachesBackendNoting(word: string): NotSimulated["check"] {
  return (o) => {
    const p: string[] = [];
    if (o.route === null || o.backend === null) p.push(`the request should reach a backend (status ${o.statusCode}, backend ${o.backend})`);
    if (!o.trace.some((s) => s.detail.includes(word))) p.push(`the trace should say that ${word} is not simulated`);
    return p;
  };
}

/** The request reaches an HTTPS listener (where client-certificate validation would happen). */
const reachesListener: NotSimulated["check"] = (o) => (o.listener === null ? [`the request should reach an HTTPS listener (status ${o.statusCode})`] : []);

const failing = (c: RequestCase) => c.expect.statusCode !== undefined && c.expect.statusCode !== 200;

export const NOT_SIMULATED_REQUEST_CASES: NotSimulated[] = [
  {
    test: "HTTPRouteRetry",
    when: failing,
    reason: "the echo backend fails on purpose (it reads responseCode/succeedAfter from the query); how often a live backend fails is not in the configuration, so retries cannot be played out",
    drop: ["statusCode", "backend"],
    check: reachesBackendNoting("retry"),
  },
  {
    test: "HTTPRouteTimeoutRequest",
    when: failing,
    reason: "the echo backend is asked to answer after 1s (query delay=1s); response times are not in the configuration, so the 504 of the 500ms timeout cannot be predicted",
    drop: ["statusCode", "backend"],
    check: reachesBackendNoting("timeouts"),
  },
  {
    test: "HTTPRouteTimeoutBackendRequest",
    when: failing,
    reason: "the echo backend is asked to answer after 1s (query delay=1s); response times are not in the configuration, so the 504 of the backendRequest timeout cannot be predicted",
    drop: ["statusCode", "backend"],
    check: reachesBackendNoting("timeouts"),
  },
  {
    test: "GatewayFrontendClientCertificateValidation",
    when: (c) => c.expect.connectionFailure === true,
    reason: "rejecting a client certificate signed by another CA needs the certificates' signatures; the Secrets and CA bundles are generated at run time",
    drop: ["connectionFailure", "backend"],
    check: reachesListener,
  },
];

/** The entry that applies to a case, if any. */
export function notSimulated(test: string, c: RequestCase): NotSimulated | undefined {
  return NOT_SIMULATED_REQUEST_CASES.find((n) => n.test === test && (!n.when || n.when(c)));
}
