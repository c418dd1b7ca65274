/**
 * Build the route states (views with hostnames and rules) that attachment and backend resolution
 * fill in. Every route kind goes through the same code paths; only HTTPRoute, GRPCRoute and
 * TLSRoute carry hostnames.
 */
import type { RouteView } from "../model/model";
import { refKey } from "../model/ids";
import { type Ctx, arr, isRecord, str } from "./context";

/** Rule: route states for every route in the input. */
export function runRoutes(ctx: Ctx): void {
  for (const res of ctx.routeResources) {
    const hostnames = arr(res.spec?.hostnames).map(str).filter((h) => h !== "");
    const view: RouteView = {
      key: refKey(res),
      kind: res.kind,
      resource: res,
      hostnames,
      rules: arr(res.spec?.rules).map((raw, index) => ({
        index,
        ...(isRecord(raw) && typeof (raw as Record<string, unknown>).name === "string" ? { name: (raw as Record<string, string>).name } : {}),
        raw,
        backends: [],
      })),
      parents: [],
    };
    ctx.routes.push({ res, view, parents: [], resolved: null });
  }
}
