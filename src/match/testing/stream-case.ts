/**
 * Test support: checks an Outcome against a conformance request case of the gRPC, TLS, TCP and UDP
 * categories. The expect fields of these protocols (README: `grpcStatus`, `connectionRejected`,
 * `backendIsTLS`/`backendSNI`, `dnsResponse`, `udpEchoReply`) and the case-level `repeat` /
 * `neverBackend` are judged here; every other field goes to `checkRequestCase`.
 */
import type { Outcome } from "../../model/outcome";
import type { Expect, RequestCase } from "../../testing/conformance";
import { checkRequestCase } from "./request-case";

const OWN = new Set(["grpcStatus", "connectionRejected", "backendIsTLS", "backendSNI", "dnsResponse", "udpEchoReply"]);

/** Backends that receive a share of the traffic and can take it. */
function live(o: Outcome): string[] {
  if (o.backend) return [o.backend];
  return o.backends.filter((b) => b.probability > 0 && !b.invalid).map((b) => `${b.namespace}/${b.name}`);
}

/** Every difference between the Outcome and the case's expectation. */
export function checkStreamCase(o: Outcome, c: RequestCase, e: Expect = c.expect): string[] {
  const rest: Expect = {};
  for (const [k, v] of Object.entries(e)) if (!OWN.has(k)) rest[k] = v;
  const p = checkRequestCase(o, rest);
  if (e.grpcStatus !== undefined && o.grpcStatus !== e.grpcStatus) p.push(`grpcStatus ${o.grpcStatus}, want ${e.grpcStatus}`);
  // "connectionRejected: the TLS connection must be refused": no backend, and a connection error.
  if (e.connectionRejected === true && (!o.connectionError || live(o).length > 0)) p.push(`the connection should be rejected (status ${o.statusCode}, backends ${live(o).join(", ") || "none"})`);
  // backendIsTLS/backendSNI: whether the backend itself terminated TLS (passthrough) and the SNI it saw.
  if (e.backendIsTLS !== undefined) {
    const got = o.frontendTLS ? o.frontendTLS.mode === "Passthrough" : undefined;
    if (got !== e.backendIsTLS) p.push(`backend terminates TLS: ${got}, want ${e.backendIsTLS} (frontend TLS ${JSON.stringify(o.frontendTLS)})`);
  }
  if (e.backendSNI !== undefined) {
    const got = o.frontendTLS ? (o.frontendTLS.mode === "Passthrough" ? o.frontendTLS.sni : "") : undefined;
    if (got !== e.backendSNI) p.push(`SNI seen by the backend: ${JSON.stringify(got)}, want ${JSON.stringify(e.backendSNI)}`);
  }
  // dnsResponse / udpEchoReply: "the exchange must succeed": the datagrams reach a backend that can answer.
  for (const f of ["dnsResponse", "udpEchoReply"]) {
    if (e[f] === true && (o.connectionError || live(o).length === 0)) p.push(`${f}: the datagrams should reach a backend (status ${o.statusCode}, ${o.connectionError ?? "no backend"})`);
  }
  // repeat + neverBackend: none of the `repeat` requests may reach these backends, so their share must be 0.
  const never = Array.isArray(c.neverBackend) ? (c.neverBackend as string[]) : [];
  for (const b of never) if (live(o).includes(b)) p.push(`${b} must never receive traffic`);
  return p;
}
