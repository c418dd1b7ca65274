/**
 * A backend policy (BackendTLSPolicy, BackendLBPolicy, XBackendTrafficPolicy): what it targets
 * (and whether each target holds and the policy is in force there — GEP-713: the oldest policy
 * wins a target), and its settings as written. Status per ancestor Gateway is the Inspector's
 * status section.
 */
import type { GraphEdge, GraphNode } from "../../../src/graph";
import { NodeLink } from "../NodeLink";
import { arr, flatten, rec, recs, refId, specOf, str, type Obj } from "./read";

/** What well-known settings mean, by path. */
const LABELS: Record<string, string> = {
  "validation.hostname": "SNI sent to the backend, and the name its certificate must carry",
  "validation.wellKnownCACertificates": "trusted CAs (the system's)",
  "validation.subjectAltNames": "names the backend certificate must carry instead",
  "sessionPersistence.type": "session persistence by",
  "sessionPersistence.sessionName": "cookie or header name",
  "sessionPersistence.absoluteTimeout": "session lifetime",
  "sessionPersistence.idleTimeout": "session idle timeout",
  "retryConstraint.budget.percent": "retry budget (% of active requests)",
  "retryConstraint.budget.interval": "retry budget window",
  "retryConstraint.minRetryRate.count": "retries always allowed",
  "retryConstraint.minRetryRate.interval": "per interval",
};

/** Settings rows of a policy's spec (everything but its targets; CA references are listed as links). */
export function policySettings(spec: Obj): [string, string][] {
  const rest: Obj = {};
  for (const [k, v] of Object.entries(spec)) if (k !== "targetRefs" && k !== "targetRef") rest[k] = v;
  const validation = rec(rest.validation);
  if (validation) rest.validation = Object.fromEntries(Object.entries(validation).filter(([k]) => k !== "caCertificateRefs"));
  const legacy = rec(rest.tls);
  if (legacy) rest.tls = Object.fromEntries(Object.entries(legacy).filter(([k]) => k !== "caCertRefs"));
  return flatten(rest).filter(([, v]) => v !== "{}");
}

export function PolicyDetails({ node, obj, edges }: { node: GraphNode; obj: Obj | null; edges: GraphEdge[] }) {
  const spec = specOf(obj);
  const targets = [...recs(spec.targetRefs), ...recs([spec.targetRef])];
  const inForce = arr(node.data.inForce).map(str);
  const cas = recs(rec(spec.validation)?.caCertificateRefs ?? rec(spec.tls)?.caCertRefs);
  const settings = policySettings(spec);
  return (
    <>
      <section className="insp-section" data-testid="insp-targets">
        <h4>Targets ({targets.length})</h4>
        <ul className="plain">
          {targets.map((t, i) => {
            const id = refId(t, "Service", node.namespace);
            const e = edges.find((x) => x.type === "targetRef" && x.from === node.id && (x.to === id || x.to.startsWith(`${id}/`)));
            // The graph names a target in force as `Kind/ns/name`, with `#section` when the policy names one.
            const on = inForce.includes(str(t.sectionName) ? `${id}#${str(t.sectionName)}` : id);
            return (
              <li key={i} className={e && !e.ok ? "bad" : ""} data-testid="insp-target">
                <NodeLink id={id} />
                {str(t.sectionName) && <span className="muted"> section {str(t.sectionName)}</span>}
                {e && !e.ok ? <span> · {e.reason ?? "not found"}</span> : <span className="muted"> · {on ? "in force" : "not in force (another policy takes precedence, or the policy is not accepted)"}</span>}
              </li>
            );
          })}
        </ul>
      </section>
      <section className="insp-section" data-testid="insp-settings">
        <h4>Settings</h4>
        {cas.length > 0 && (
          <p className="small">
            trusted CA:{" "}
            {cas.map((c, i) => (
              <NodeLink key={i} id={refId(c, "ConfigMap", node.namespace)} />
            ))}
          </p>
        )}
        {settings.length === 0 && cas.length === 0 ? (
          <p className="muted small">no settings</p>
        ) : (
          <dl className="insp-settings">
            {settings.map(([k, v]) => (
              <div key={k}>
                <dt title={LABELS[k] ? k : undefined}>{LABELS[k] ?? k}</dt>
                <dd>
                  <code>{v}</code>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </>
  );
}
