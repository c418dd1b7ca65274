/**
 * The Inspector tab: the selected node's facts — kind and name, computed conditions (per parent
 * for routes, per listener for gateways), its references, diagnostics and the controller's
 * assumptions about it. With nothing selected, the loaded gallery example's explanation.
 */
import { memo, useDeferredValue, type ReactNode } from "react";
import { useStore } from "../store";
import { exampleForFile } from "../gallery";
import { loadExampleSamples } from "../gallery/load";
import { evaluateNewSamples } from "./simulate";
import type { GraphNode } from "../../src/graph";
import type { ListenerStatus, ResourceStatus } from "../../src/model/status";
import { indexOf, type SnapshotIndex } from "./snapshotIndex";
import { objectSource, snapshotText, useParserReady } from "./resourceObjects";
import type { Snapshot } from "../worker/protocol";
import { Conditions } from "./Conditions";
import { Diagnostics } from "./Diagnostics";
import { NodeLink } from "./NodeLink";
import { KindDetails, hasKindDetails } from "./kinds/KindDetails";
import { EditForms } from "./forms/EditForms";
import { ReportedStatus } from "../cluster/ReportedStatus";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="insp-section">
      <h4>{title}</h4>
      {children}
    </section>
  );
}

function formatValue(v: unknown): string {
  if (Array.isArray(v)) return v.every((x) => typeof x !== "object" || x === null) ? v.join(", ") || "—" : JSON.stringify(v);
  if (v === null || v === undefined || v === "") return "—";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** Explanations mark names with backticks, as in Markdown: show them as code. */
function Prose({ text }: { text: string }) {
  return <>{text.split("`").map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}

function ExampleExplanation() {
  const fileName = useStore((s) => s.fileName);
  const hasSamples = useStore((s) => s.samples.length > 0);
  const ex = exampleForFile(fileName);
  if (!ex) return <p className="muted">Select a node on the canvas (or place the cursor on an object in the editor) to see its status, references and diagnostics.</p>;
  return (
    <article className="explanation" data-testid="example-explanation">
      <h3>{ex.title}</h3>
      {ex.explanation.map((p, i) => (
        <p key={i}>
          <Prose text={p} />
        </p>
      ))}
      {hasSamples ? (
        <p className="muted small">Its sample requests are in the Simulator tab. Select a node to inspect it.</p>
      ) : (
        <button type="button" className="btn" data-testid="example-add-samples" onClick={() => {
            loadExampleSamples(ex);
            void evaluateNewSamples();
          }}>
          Add its {ex.samples.length} sample requests to the Simulator
        </button>
      )}
    </article>
  );
}

function ListenerStatuses({ listeners }: { listeners: ListenerStatus[] }) {
  return (
    <>
      {listeners.map((l) => (
        <div key={l.name} className="sub">
          <div className="sub-head">
            listener <b>{l.name}</b> · {l.attachedRoutes} attached route{l.attachedRoutes === 1 ? "" : "s"} · kinds {l.supportedKinds.map((k) => k.kind).join(", ") || "none"}
          </div>
          <Conditions conditions={l.conditions} />
        </div>
      ))}
    </>
  );
}

function StatusSections({ node, ix }: { node: GraphNode; ix: SnapshotIndex }) {
  if (node.kind === "Listener") {
    const origin = typeof node.data.origin === "string" ? node.data.origin : "";
    const ls = ix.status.get(origin)?.listeners?.find((l) => l.name === node.name);
    return <Section title="Listener status">{ls ? <ListenerStatuses listeners={[ls]} /> : <p className="muted small">no status</p>}</Section>;
  }
  const st: ResourceStatus | undefined = ix.status.get(node.id);
  if (!st) return null;
  return (
    <>
      <Section title="Conditions">
        <Conditions conditions={st.conditions} />
      </Section>
      {st.parents && st.parents.length > 0 && (
        <Section title="Per parent">
          {st.parents.map((p, i) => (
            <div key={i} className="sub">
              <div className="sub-head">
                {p.parentKind} <b>{p.parentRef}</b>
              </div>
              <Conditions conditions={p.conditions} />
            </div>
          ))}
        </Section>
      )}
      {st.ancestors && st.ancestors.length > 0 && (
        <Section title="Per ancestor">
          {st.ancestors.map((p, i) => (
            <div key={i} className="sub">
              <div className="sub-head">
                {p.parentKind} <b>{p.parentRef}</b>
              </div>
              <Conditions conditions={p.conditions} />
            </div>
          ))}
        </Section>
      )}
      {st.listeners && st.listeners.length > 0 && (
        <Section title="Listeners">
          <ListenerStatuses listeners={st.listeners} />
        </Section>
      )}
    </>
  );
}

export function Inspector() {
  const selected = useStore((s) => s.selected);
  const good = useStore((s) => s.good);
  // Notes the text of the store's snapshot while they are in step (objects are read from it).
  useStore((st) => snapshotText(st) !== null);
  const parserReady = useParserReady();
  // Every pause in typing brings a snapshot. The Inspector (forms of the object being typed into
  // included) follows it in a deferred render, which React does in slices between other work: it
  // never holds up the editor or the canvas. A new selection shows at once.
  const deferred = useDeferredValue(good);
  if (!selected) return <div className="panel-body">{<ExampleExplanation />}</div>;
  return <InspectorBody selected={selected} good={deferred} source={objectSource(deferred, parserReady)} />;
}

const InspectorBody = memo(function InspectorBody({ selected, good, source }: { selected: string; good: Snapshot | null; source: Snapshot | null }) {
  const ix = indexOf(good);
  const node = ix.nodes.get(selected);
  if (!node) return <div className="panel-body muted">{selected} is not in the current graph.</div>;
  // Rule summaries repeat what the kind's details show in full.
  const facts = Object.entries(node.data).filter(([k]) => k !== "origin" && !(k === "ruleSummaries" && hasKindDetails(node)));
  const edges = ix.edges.get(node.id) ?? [];
  const diags = ix.diagnostics.get(node.id) ?? [];
  const assumptions = ix.assumptions.get(node.id) ?? [];
  return (
    <div className="panel-body inspector" data-testid="inspector" data-node={node.id}>
      <header className="insp-head">
        <span className={`level ${node.status.level}`} aria-label={node.status.level} />
        <span className="kind">{node.kind}</span>
        <h3>{node.namespace ? `${node.namespace}/${node.name}` : node.name}</h3>
      </header>
      {!node.defined && <p className="warn">Referenced but not in the configuration.</p>}
      <EditForms node={node} ix={ix} source={source} />
      {facts.length > 0 && (
        <table className="kv">
          <tbody>
            {facts.map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>{k === "gateway" && typeof v === "string" ? <NodeLink id={v} /> : formatValue(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <KindDetails node={node} ix={ix} source={source} />
      <StatusSections node={node} ix={ix} />
      <ReportedStatus node={node} ours={(id) => ix.status.get(id)} />
      {edges.length > 0 && (
        <Section title="References">
          <ul className="plain refs-list">
            {edges.map((e) => {
              const out = e.from === node.id;
              return (
                <li key={e.id} className={e.ok ? "" : "bad"}>
                  {out ? "→" : "←"} <span className="muted">{e.type}</span> <NodeLink id={out ? e.to : e.from} />
                  {e.percent !== undefined && <span className="muted"> {e.percent}%</span>}
                  {!e.ok && e.reason && <span> · {e.reason}</span>}
                  {e.grant && (
                    <span className="muted">
                      {" "}
                      via <NodeLink id={e.grant} />
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </Section>
      )}
      <Section title={`Diagnostics (${diags.length})`}>
        <Diagnostics diagnostics={diags} />
      </Section>
      {assumptions.length > 0 && (
        <Section title="Assumptions">
          <ul className="plain">
            {assumptions.map((a, i) => (
              <li key={i}>{a.message}</li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
});
