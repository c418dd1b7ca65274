/**
 * A route's hostnames and rules as written, for every route kind: HTTPRoute (path, method, header
 * and query matches), GRPCRoute (service/method matches), TLSRoute (SNI hostnames), TCPRoute and
 * UDPRoute (no matches: every connection on the listener). Each rule lists its filters and its
 * backends with their share of the rule's traffic; a backend whose reference does not hold is marked.
 */
import type { GraphEdge, GraphNode } from "../../../src/graph";
import { NodeLink } from "../NodeLink";
import { pct } from "../outcome";
import { arr, num, recs, refId, specOf, str, type Obj } from "./read";

/** One HTTPRouteMatch or GRPCRouteMatch in words. */
export function matchText(m: Obj, kind: string): string {
  const parts: string[] = [];
  if (kind === "GRPCRoute") {
    const meth = recs([m.method])[0];
    if (meth) {
      const type = str(meth.type) || "Exact";
      const svc = str(meth.service);
      const name = str(meth.method);
      const what = svc && name ? `${svc}/${name}` : svc ? `${svc}, any method` : name ? `any service, method ${name}` : "any RPC";
      parts.push(type === "Exact" ? what : `${type} ${what}`);
    }
  } else {
    const path = recs([m.path])[0];
    // HTTPRouteMatch.path: "If no value is specified, ... a default of a prefix match on the '/' path".
    parts.push(`${str(path?.type) || "PathPrefix"} ${str(path?.value) || "/"}`);
    if (str(m.method)) parts.push(str(m.method));
    for (const q of recs(m.queryParams)) parts.push(`?${str(q.name)}${str(q.type) === "RegularExpression" ? "~" : "="}${str(q.value)}`);
  }
  for (const h of recs(m.headers)) parts.push(`${str(h.name)}${str(h.type) === "RegularExpression" ? " ~ " : ": "}${str(h.value)}`);
  return parts.join(" · ") || "any";
}

const HOSTNAMES_LABEL: Record<string, string> = { TLSRoute: "SNI hostnames", GRPCRoute: "Hostnames (:authority)", HTTPRoute: "Hostnames (Host header)" };

export function RouteDetails({ node, obj, edges }: { node: GraphNode; obj: Obj; edges: GraphEdge[] }) {
  const spec = specOf(obj);
  const l4 = node.kind === "TCPRoute" || node.kind === "UDPRoute";
  const hostnames = arr(spec.hostnames).map(str).filter(Boolean);
  const rules = recs(spec.rules);
  return (
    <section className="insp-section" data-testid="insp-rules">
      {!l4 && (
        <>
          <h4>{HOSTNAMES_LABEL[node.kind] ?? "Hostnames"}</h4>
          <p className="small" data-testid="insp-hostnames">
            {hostnames.length ? hostnames.map((h) => <code key={h}>{h} </code>) : <span className="muted">none: any hostname its parents accept</span>}
          </p>
        </>
      )}
      <h4>Rules ({rules.length})</h4>
      {rules.length === 0 && <p className="muted small">no rules</p>}
      <ol className="insp-rules">
        {rules.map((rule, i) => {
          const matches = recs(rule.matches);
          const filters = recs(rule.filters).map((f) => str(f.type)).filter(Boolean);
          const backends = recs(rule.backendRefs);
          const total = backends.reduce((s, b) => s + (num(b.weight) ?? 1), 0);
          return (
            <li key={i} className="sub" data-testid="insp-rule" data-index={i}>
              <div className="sub-head">
                rule {i}
                {str(rule.name) && <b> {str(rule.name)}</b>}
              </div>
              <div className="small">
                {l4 ? (
                  <span className="muted">every {node.kind === "UDPRoute" ? "datagram" : "connection"} on the listener (no matches)</span>
                ) : node.kind === "TLSRoute" ? (
                  <span className="muted">every connection whose SNI is one of the hostnames</span>
                ) : matches.length ? (
                  matches.map((m, j) => (
                    <div key={j}>
                      {j > 0 && <span className="muted">or </span>}
                      <code>{matchText(m, node.kind)}</code>
                    </div>
                  ))
                ) : (
                  <span className="muted">any request (no matches)</span>
                )}
              </div>
              {filters.length > 0 && <div className="small">filters: {filters.join(", ")}</div>}
              <ul className="plain small">
                {backends.length === 0 && <li className="muted">no backends{l4 ? "" : ": answers 500 unless a filter answers"}</li>}
                {backends.map((b, j) => {
                  const id = refId(b, "Service", node.namespace);
                  const e = edges.find((x) => x.type === "backendRef" && x.from === node.id && x.to === id && (x.rule === undefined || x.rule === i));
                  const w = num(b.weight) ?? 1;
                  return (
                    <li key={j} className={e && !e.ok ? "bad" : ""}>
                      → <NodeLink id={id} label={`${id.slice(id.indexOf("/") + 1)}${num(b.port) !== null ? `:${num(b.port)}` : ""}`} />{" "}
                      <span className="muted">
                        weight {w}
                        {total > 0 && backends.length > 1 ? ` · ${pct(w / total)}` : ""}
                      </span>
                      {e && !e.ok && e.reason ? <span> · {e.reason}</span> : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
