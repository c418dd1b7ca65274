/**
 * The simulated answer: status, where the request goes (one backend, or a split with bars),
 * which listener/route/rule/match decided, what filters changed, redirects, mirrors, and the trace.
 * `sim-result` carries `data-status` and `data-backend` for automation.
 */
import { memo } from "react";
import { useStore } from "../store";
import type { MirrorShare, Outcome } from "../../src/model/outcome";
import { pct, verdictOf } from "./outcome";
import { MeshFacts } from "./MeshFacts";
import { TraceView } from "./TraceView";
import { NodeLink } from "./NodeLink";

function Headers({ title, headers }: { title: string; headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (!entries.length) return null;
  return (
    <div className="kv-block">
      <h4>{title}</h4>
      <table className="kv">
        <tbody>
          {entries.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const OutcomeView = memo(function OutcomeView({ outcome: o }: { outcome: Outcome }) {
  const request = useStore((s) => s.request);
  const sentPath = request.request.path ?? "/";
  const sentHost = request.request.host ?? "";
  const v = verdictOf(request, o);
  const http = !["TLS", "TCP", "UDP"].includes(request.request.protocol ?? "HTTP");
  return (
    <div className="sim-result" data-testid="sim-result" data-status={o.statusCode} data-backend={o.backend ?? ""} data-grpc-status={o.grpcStatus ?? ""} data-connection-error={o.connectionError ? "true" : "false"}>
      <div className="sim-status">
        <span className={`code ${v.level}`} data-testid="sim-verdict">
          {v.code}
        </span>
        {o.grpcStatus && o.statusCode !== 0 && <span className="badge" title="HTTP status of the gateway's answer">HTTP {o.statusCode}</span>}
        {o.backend && (
          <span>
            → <NodeLink id={`${o.backends.find((b) => `${b.namespace}/${b.name}` === o.backend)?.kind ?? "Service"}/${o.backend}`} label={o.backend} />
          </span>
        )}
      </div>
      {v.meaning && <p className={`sim-meaning ${v.level === "bad" ? "bad" : "muted"}`} data-testid="sim-meaning">{v.meaning}</p>}
      {request.mesh && <MeshFacts request={request} outcome={o} />}
      {o.redirect && (
        <p data-testid="sim-redirect">
          Redirect {o.redirect.statusCode} → <code>{o.redirect.location}</code>
        </p>
      )}
      {o.backends.length > 0 && (
        <div className="backends">
          {o.backends.map((b, i) => (
            <div key={i} className={`backend ${b.invalid ? "invalid" : ""}`} title={b.invalid ? `invalid: ${b.invalid}` : undefined}>
              <div className="backend-name">
                <NodeLink id={`${b.kind ?? "Service"}/${b.namespace}/${b.name}`} label={`${b.namespace}/${b.name}${b.port !== null ? `:${b.port}` : ""}`} />
                <span className="muted">
                  {pct(b.probability)} · weight {b.weight}
                  {b.invalid ? ` · ${b.invalid} (${http ? "500" : "rejected"})` : ""}
                </span>
              </div>
              <div className="bar">
                <div style={{ width: `${b.probability * 100}%` }} />
              </div>
              {b.tls && (
                <div className="small" data-testid="sim-backend-tls">
                  TLS to the backend: SNI <code>{b.tls.sni}</code>, certificate must name {b.tls.verify.join(", ") || b.tls.sni}, trusted CA {b.tls.ca.join(", ")} · <NodeLink id={b.tls.policy} />
                </div>
              )}
              {b.policies && b.policies.some((p) => p !== b.tls?.policy) && (
                <div className="muted small">
                  policies:{" "}
                  {b.policies.filter((p) => p !== b.tls?.policy).map((p) => (
                    <NodeLink key={p} id={p} />
                  ))}
                </div>
              )}
              {(b.path !== undefined || b.host !== undefined) && (
                <div className="muted small">
                  receives {b.host ?? o.host}
                  {b.path ?? o.path}
                </div>
              )}
            </div>
          ))}
        </div>
      )}
      <table className="kv facts">
        <tbody>
          {o.listener && (
            <tr>
              <th>Listener</th>
              <td>
                <NodeLink id={`Listener/${o.listener}`} label={o.listener} />
              </td>
            </tr>
          )}
          {o.route && (
            <tr>
              <th>Route</th>
              <td>
                <NodeLink id={o.route} label={o.route} />
              </td>
            </tr>
          )}
          {o.rule !== null && (
            <tr>
              <th>Rule / match</th>
              <td>
                rule {o.rule}, {o.match === null ? "default match (no matches)" : `match ${o.match}`}
              </td>
            </tr>
          )}
          {http && !o.redirect && o.statusCode < 400 && (o.path !== sentPath || (sentHost && o.host !== sentHost)) && (
            <tr>
              <th>Backend sees</th>
              <td data-testid="sim-rewritten">
                Host <code>{o.host}</code>, path <code>{o.path}</code>
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {http && <Headers title="Headers the backend receives (set by filters)" headers={o.requestHeaders} />}
      {http && <Headers title="Response headers (set by filters)" headers={o.responseHeaders} />}
      {(o.mirrorShares?.length ?? o.mirrors.length) > 0 && (
        <div className="kv-block">
          <h4>Mirrors</h4>
          <ul className="plain">
            {(o.mirrorShares ?? o.mirrors.map((m): MirrorShare => ({ backend: m, percent: 100 }))).map((m, i) => (
              <li key={i}>
                <NodeLink id={`Service/${m.backend}`} label={m.backend} /> {m.percent}%{m.invalid ? <span className="bad"> dropped: {m.invalid}</span> : null}
                {m.tls && (
                  <div className="small" data-testid="sim-mirror-tls">
                    TLS to the mirror target: SNI <code>{m.tls.sni}</code>, trusted CA {m.tls.ca.join(", ")} · <NodeLink id={m.tls.policy} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <TraceView steps={o.trace} />
    </div>
  );
});
