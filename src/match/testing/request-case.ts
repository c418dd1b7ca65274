/**
 * Test support: checks an Outcome against a conformance request case's `expect` (format in
 * ../shared/conformance/README.md). Returns the problems found; [] means the case passes.
 */
import type { Outcome } from "../../model/outcome";
import type { Expect } from "../../testing/conformance";

/** Expect fields the HTTP simulation cannot judge, with the reason (the rest of the case is still checked). */
export const UNCHECKABLE_FIELDS: Record<string, string> = {
  backendWorkload: "which Pods answer for a selector-less Service depends on EndpointSlices filled at run time; `backend` (the Service the route picks) is checked instead",
  ignoreWhitespaceInResponseHeaders: "a comparison option, applied when checking responseHeaderOneOf",
  weightTolerance: "a comparison option, applied when checking weights",
};

const lower = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));

/** Backends with a share of the traffic that can actually serve it. */
function receivers(o: Outcome): { key: string; namespace: string; requestHeaders?: Record<string, string> }[] {
  if (o.backend) return [{ key: o.backend, namespace: o.backend.split("/")[0], requestHeaders: o.requestHeaders }];
  return o.backends.filter((b) => b.probability > 0 && !b.invalid).map((b) => ({ key: `${b.namespace}/${b.name}`, namespace: b.namespace, requestHeaders: b.requestHeaders ?? o.requestHeaders }));
}

/** scheme, host, port ("" when absent), path of a Location. */
function parseLocation(loc: string): { scheme: string; host: string; port: string; path: string } | null {
  const m = /^([a-z]+):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)/.exec(loc);
  return m ? { scheme: m[1], host: m[2], port: m[3] ?? "", path: m[4] || "/" } : null;
}

/** Every difference between the Outcome and the expectation. */
export function checkRequestCase(o: Outcome, e: Expect): string[] {
  const p: string[] = [];
  const rh = lower(o.requestHeaders);
  const resp = lower(o.responseHeaders);
  const ws = (s: string) => (e.ignoreWhitespaceInResponseHeaders ? s.replace(/\s+/g, "") : s);
  for (const [field, value] of Object.entries(e)) {
    if (field in UNCHECKABLE_FIELDS) continue;
    switch (field) {
      case "statusCode":
        if (o.statusCode !== value) p.push(`statusCode ${o.statusCode}, want ${value}`);
        break;
      case "statusCodes":
        if (!(value as number[]).includes(o.statusCode)) p.push(`statusCode ${o.statusCode}, want one of ${value}`);
        break;
      case "backend":
        if (o.backend !== value) p.push(`backend ${o.backend}, want ${value}`);
        break;
      case "backendNamespace": {
        const r = receivers(o);
        if (r.length === 0 || r.some((b) => b.namespace !== value)) p.push(`backends ${r.map((b) => b.key).join(", ") || "none"}, want namespace ${value}`);
        break;
      }
      case "backendOneOf": {
        const r = receivers(o);
        if (r.length === 0 || r.some((b) => !(value as string[]).includes(b.key))) p.push(`backends ${r.map((b) => b.key).join(", ") || "none"}, want among ${value}`);
        break;
      }
      case "requestHeadersByBackend":
        for (const b of receivers(o)) {
          const want = (value as Record<string, Record<string, string>>)[b.key] ?? {};
          const got = lower(b.requestHeaders ?? {});
          for (const [k, v] of Object.entries(want)) if (got[k.toLowerCase()] !== v) p.push(`${b.key} gets ${k}: ${got[k.toLowerCase()]}, want ${v}`);
        }
        break;
      case "requestHeaders":
        for (const [k, v] of Object.entries(value as Record<string, string>)) if (rh[k.toLowerCase()] !== v) p.push(`request header ${k}: ${rh[k.toLowerCase()]}, want ${v}`);
        break;
      case "absentHeaders":
        for (const k of value as string[]) if (k.toLowerCase() in rh) p.push(`request header ${k} should be absent`);
        break;
      case "rewrittenPath":
        if (o.path !== value) p.push(`path ${o.path}, want ${value}`);
        break;
      case "rewrittenHost":
        if (o.host !== value) p.push(`host ${o.host}, want ${value}`);
        break;
      case "responseHeaders":
        for (const [k, v] of Object.entries(value as Record<string, string>)) if (resp[k.toLowerCase()] !== v) p.push(`response header ${k}: ${resp[k.toLowerCase()]}, want ${v}`);
        break;
      case "absentResponseHeaders":
        for (const k of value as string[]) if (k.toLowerCase() in resp) p.push(`response header ${k} should be absent`);
        break;
      case "responseHeaderOneOf":
        for (const [k, vs] of Object.entries(value as Record<string, string[]>)) {
          const got = resp[k.toLowerCase()];
          if (got === undefined || !vs.map(ws).includes(ws(got))) p.push(`response header ${k}: ${got}, want one of ${JSON.stringify(vs)}`);
        }
        break;
      case "redirect": {
        const want = value as { scheme?: string; host?: string; port?: string | number; path?: string };
        const loc = o.redirect ? parseLocation(o.redirect.location) : null;
        if (!loc) {
          p.push(`no redirect (want ${JSON.stringify(want)})`);
          break;
        }
        if (want.scheme !== undefined && loc.scheme !== want.scheme) p.push(`redirect scheme ${loc.scheme}, want ${want.scheme}`);
        if (want.host !== undefined && loc.host !== want.host) p.push(`redirect host ${loc.host}, want ${want.host}`);
        if (want.path !== undefined && loc.path !== want.path) p.push(`redirect path ${loc.path}, want ${want.path}`);
        // "port absent means no port or the scheme's default port".
        const dflt = loc.scheme === "https" ? "443" : "80";
        const port = want.port === undefined ? "" : String(want.port);
        if (port === "" ? loc.port !== "" && loc.port !== dflt : loc.port !== port && !(loc.port === "" && port === dflt)) p.push(`redirect port ${loc.port || "(none)"}, want ${port || "(none)"}`);
        break;
      }
      case "mirroredTo":
        for (const m of value as { backend: string; percent?: number }[]) {
          if (!o.mirrors.includes(m.backend)) p.push(`not mirrored to ${m.backend} (mirrors: ${o.mirrors.join(", ") || "none"})`);
          const share = o.mirrorShares?.find((s) => s.backend === m.backend);
          if (m.percent !== undefined && share?.percent !== m.percent) p.push(`mirror share to ${m.backend}: ${share?.percent}%, want ${m.percent}%`);
        }
        break;
      case "weights": {
        const tol = typeof e.weightTolerance === "number" ? e.weightTolerance : 0.05;
        for (const [k, w] of Object.entries(value as Record<string, number>)) {
          const got = o.backends.filter((b) => `${b.namespace}/${b.name}` === k && !b.invalid).reduce((s, b) => s + b.probability, 0);
          if (Math.abs(got - w) > tol) p.push(`share of ${k}: ${got}, want ${w} ± ${tol}`);
        }
        break;
      }
      case "backendTLS": {
        // The gateway's TLS connection to each receiving backend (policy-effects.ts fills OutcomeBackend.tls).
        const want = value as { sni?: string; clientCertificate?: string };
        const bs = o.backend ? o.backends.filter((b) => `${b.namespace}/${b.name}` === o.backend) : o.backends.filter((b) => b.probability > 0 && !b.invalid);
        if (bs.length === 0) p.push(`no backend connection to check backendTLS ${JSON.stringify(want)} on`);
        for (const b of bs) {
          const tls = b.tls;
          if (!tls) p.push(`${b.namespace}/${b.name} is reached without TLS, want ${JSON.stringify(want)}`);
          else {
            if (want.sni !== undefined && tls.sni !== want.sni) p.push(`backend TLS SNI ${tls.sni}, want ${want.sni}`);
            if (want.clientCertificate !== undefined && tls.clientCertificate !== want.clientCertificate) p.push(`backend TLS client certificate ${tls.clientCertificate ?? "(none)"}, want ${want.clientCertificate}`);
          }
        }
        break;
      }
      case "answeredByGateway":
        if (value && (o.backend !== null || o.backends.length > 0 || o.route === null)) p.push("the gateway itself should answer (matched route, no backend)");
        break;
      case "websocketEcho":
        if (value && (o.statusCode !== 200 || receivers(o).length === 0)) p.push(`the upgrade needs a backend (status ${o.statusCode})`);
        break;
      case "connectionFailure":
        if (value && !o.connectionError) p.push(`the connection should fail, got status ${o.statusCode}`);
        break;
      case "expectFailure":
        if (value && o.statusCode === 200) p.push("any answer but 200 expected");
        break;
      default:
        p.push(`expect field ${field} is not checked by this harness`);
    }
  }
  return p;
}
