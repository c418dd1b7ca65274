/**
 * Gateway.spec.tls.frontend as the API server checks it, and per-port entries that can have no
 * effect. FrontendTLSConfig: `default` is required; perPort is a list map keyed by port, with the CEL
 * rule "Port for TLS configuration must be unique within the Gateway"; `mode` is AllowValidOnly or
 * AllowInsecureFallback. A perPort entry "will be applied to all Listeners handling HTTPS traffic and
 * matching given port": on a port without an HTTPS listener it does nothing (conformance: "The
 * per-port frontend validation on port 80 (an HTTP listener) has no effect").
 */
import type { PathSegment } from "../model/source";
import { type Ctx, type GatewayState, arr, isRecord } from "./context";

const MODES = new Set(["AllowValidOnly", "AllowInsecureFallback"]);

/** Check one Gateway's spec.tls.frontend; problems become diagnostics on the Gateway. */
export function checkFrontendConfig(ctx: Ctx, gw: GatewayState): void {
  const frontend = gw.res.spec?.tls?.frontend;
  if (frontend === undefined || frontend === null) return;
  const who = `Gateway ${gw.res.namespace}/${gw.res.name}`;
  const base: PathSegment[] = ["spec", "tls", "frontend"];
  if (!isRecord(frontend)) {
    ctx.report(gw.res, base, "error", "schema", `${who}: spec.tls.frontend must be an object`);
    return;
  }
  if (!isRecord(frontend.default)) ctx.report(gw.res, base, "error", "schema", `${who}: spec.tls.frontend.default is required`);
  const checkMode = (v: unknown, path: PathSegment[]): void => {
    const mode = isRecord(v) ? v.mode : undefined;
    if (mode !== undefined && !MODES.has(String(mode))) ctx.report(gw.res, [...path, "mode"], "error", "schema", `${who}: validation mode ${JSON.stringify(mode)} is not AllowValidOnly or AllowInsecureFallback`);
  };
  checkMode(isRecord(frontend.default) ? frontend.default.validation : undefined, [...base, "default", "validation"]);
  const https = new Set<number>();
  for (const ls of gw.listeners) if (ls.view.protocol === "HTTPS") https.add(ls.view.port);
  const seen = new Set<unknown>();
  arr(frontend.perPort).forEach((p, i) => {
    const path: PathSegment[] = [...base, "perPort", i];
    const port = isRecord(p) ? p.port : undefined;
    if (seen.has(port)) ctx.report(gw.res, [...path, "port"], "error", "schema", `${who}: Port for TLS configuration must be unique within the Gateway (port ${String(port)} repeats; the first entry applies)`);
    seen.add(port);
    if (typeof port === "number" && !https.has(port)) ctx.report(gw.res, [...path, "port"], "warning", "no-effect", `${who}: no HTTPS listener on port ${port}, so this client certificate validation has no effect`);
    checkMode(isRecord(p) && isRecord(p.tls) ? p.tls.validation : undefined, [...path, "tls", "validation"]);
  });
}
