/**
 * SessionPersistence (GEP-1619), as HTTPRouteRule, GRPCRouteRule, BackendLBPolicy and
 * XBackendTrafficPolicy carry it: read with the CRD's defaults (`type` Cookie,
 * `cookieConfig.lifetimeType` Session) and checked against the CRD's rules, which the API server
 * enforces (an object that breaks them is rejected, so it never takes effect):
 * - CEL: "AbsoluteTimeout must be specified when cookie lifetimeType is Permanent";
 * - CEL: "cookieConfig can only be set with type Cookie";
 * - `type` enum Cookie | Header; `lifetimeType` enum Permanent | Session;
 * - durations are GEP-2257 Durations (`^([0-9]{1,5}(h|m|s|ms)){1,4}$`); `sessionName` ≤ 128 characters.
 * The route rule rule (`runRouteSessionPersistence`) reports the same problems on routes.
 */
import type { SessionPersistenceView } from "../model/model";
import type { PathSegment } from "../model/source";
import { type Ctx, isRecord } from "./context";

/** GEP-2257 Duration. */
const DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;

export interface SessionProblem {
  /** Path below the sessionPersistence field. */
  path: PathSegment[];
  message: string;
}

/** A sessionPersistence value, read with defaults, and what the API server would reject in it. */
export function readSessionPersistence(raw: unknown): { view: SessionPersistenceView | null; problems: SessionProblem[] } {
  const problems: SessionProblem[] = [];
  if (raw === undefined || raw === null) return { view: null, problems };
  if (!isRecord(raw)) return { view: null, problems: [{ path: [], message: "sessionPersistence must be an object" }] };
  const type = raw.type === undefined ? "Cookie" : raw.type;
  if (type !== "Cookie" && type !== "Header") problems.push({ path: ["type"], message: `type ${JSON.stringify(type)} is not Cookie or Header` });
  const text = (field: string): string | null => {
    const v = raw[field];
    if (v === undefined || v === null) return null;
    if (typeof v !== "string") {
      problems.push({ path: [field], message: `${field} must be a string` });
      return null;
    }
    return v;
  };
  const sessionName = text("sessionName");
  if (sessionName !== null && sessionName.length > 128) problems.push({ path: ["sessionName"], message: "sessionName is longer than 128 characters" });
  const absoluteTimeout = text("absoluteTimeout");
  const idleTimeout = text("idleTimeout");
  for (const [field, v] of [["absoluteTimeout", absoluteTimeout], ["idleTimeout", idleTimeout]] as const) {
    if (v !== null && !DURATION.test(v)) problems.push({ path: [field], message: `${field} ${JSON.stringify(v)} is not a Gateway API duration (e.g. 1h, 30m, 1h30m)` });
  }
  const cookie = raw.cookieConfig;
  let lifetimeType: string | null = type === "Cookie" ? "Session" : null;
  if (cookie !== undefined && cookie !== null) {
    if (type !== "Cookie") problems.push({ path: ["cookieConfig"], message: "cookieConfig can only be set with type Cookie" });
    const lt = isRecord(cookie) ? cookie.lifetimeType : undefined;
    if (lt !== undefined) {
      if (lt !== "Permanent" && lt !== "Session") problems.push({ path: ["cookieConfig", "lifetimeType"], message: `lifetimeType ${JSON.stringify(lt)} is not Permanent or Session` });
      else if (type === "Cookie") lifetimeType = lt;
      if (lt === "Permanent" && absoluteTimeout === null) problems.push({ path: ["cookieConfig", "lifetimeType"], message: "AbsoluteTimeout must be specified when cookie lifetimeType is Permanent" });
    }
  }
  return { view: { type: String(type), sessionName, absoluteTimeout, idleTimeout, lifetimeType }, problems };
}

/** Words for a trace or a message: `cookie "X" (session lifetime, absolute timeout 1h)`. */
export function describeSessionPersistence(sp: SessionPersistenceView): string {
  const name = sp.sessionName ? ` ${JSON.stringify(sp.sessionName)}` : " (name chosen by the implementation)";
  const parts: string[] = [];
  if (sp.lifetimeType) parts.push(sp.lifetimeType === "Permanent" ? "permanent cookie (Expires/Max-Age)" : "session cookie");
  if (sp.absoluteTimeout) parts.push(`absolute timeout ${sp.absoluteTimeout}`);
  if (sp.idleTimeout) parts.push(`idle timeout ${sp.idleTimeout}`);
  return `${sp.type === "Header" ? "header" : "cookie"}${name}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}

/**
 * Rule: the sessionPersistence of every HTTPRoute and GRPCRoute rule, checked as the API server
 * checks it. Runs over route views, not inside the cached route rules: reading one field per rule is
 * cheaper than making route results depend on it.
 */
export function runRouteSessionPersistence(ctx: Ctx): void {
  for (const rs of ctx.routes) {
    if (rs.view.kind !== "HTTPRoute" && rs.view.kind !== "GRPCRoute") continue;
    const rules = rs.view.rules;
    for (let i = 0; i < rules.length; i++) {
      const raw = rules[i].raw;
      const sp = isRecord(raw) ? raw.sessionPersistence : undefined;
      if (sp === undefined || sp === null) continue;
      for (const p of readSessionPersistence(sp).problems) {
        ctx.report(rs.res, ["spec", "rules", rules[i].index, "sessionPersistence", ...p.path], "error", "schema", `${rs.view.kind} ${rs.res.namespace}/${rs.res.name} rule ${rules[i].index}: ${p.message} (the API server rejects this)`);
      }
    }
  }
}

