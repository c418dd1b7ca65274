/**
 * The Inspector's editing forms for the selected node: its name (rename, with the references that
 * follow it) and delete, then the form of its kind. Everything writes the YAML through src/edit
 * (commit.ts); what the forms show is read back from the text, so they always match the editor.
 * A node that is only referenced (not in the YAML) offers to create it.
 */
import { useEffect, type ReactNode } from "react";
import type { GraphNode } from "../../../src/graph";
import { validateName } from "../../../src/edit/validate";
import { KINDS } from "../../../src/model/kinds";
import { useStore } from "../../store";
import { commitEdit, loadEditModule } from "../../edit/commit";
import { targetOfId } from "../../edit/targets";
import { objectOf } from "../resourceObjects";
import type { Snapshot } from "../../worker/protocol";
import { recs, specOf, str, type Obj } from "../kinds/read";
import type { SnapshotIndex } from "../snapshotIndex";
import { Btn, TextField } from "./fields";
import { GatewayForm, ListenerSetForm } from "./GatewayForm";
import { ListenerForm } from "./ListenerForm";
import { RouteForm } from "./RouteForm";
import { GatewayClassForm, PolicyForm, ReferenceGrantForm, ServiceForm } from "./OtherForms";
import "./forms.css";

const ROUTES = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);

function clusterScoped(kind: string): boolean {
  return KINDS.find((k) => k.kind === kind)?.namespaced === false;
}

/** Rename and delete. */
function MetaForm({ node }: { node: GraphNode }) {
  const target = targetOfId(node.id)!;
  const rename = async (name: string) => {
    const r = await commitEdit({ op: "rename", target, newName: name });
    if (r.ok) useStore.getState().select(clusterScoped(node.kind) ? `${node.kind}/${name}` : `${node.kind}/${node.namespace}/${name}`, "panel");
  };
  const remove = async () => {
    const r = await commitEdit({ op: "deleteResource", target });
    if (r.ok) useStore.getState().select(null, "panel");
  };
  return (
    <div className="f-grid f-meta">
      <TextField label="name" value={node.name} required validate={validateName} testId={`edit-name-${node.kind}-${node.namespace}-${node.name}`} onCommit={(v) => void rename(v)} />
      <Btn title={`Delete ${node.kind} ${node.name}`} danger testId={`edit-delete-${node.kind}-${node.namespace}-${node.name}`} onClick={() => void remove()}>
        Delete
      </Btn>
    </div>
  );
}

function KindForm({ node, obj, ix }: { node: GraphNode; obj: Obj; ix: SnapshotIndex }) {
  const t = { ...targetOfId(node.id)!, namespace: node.namespace };
  if (node.kind === "Gateway") return <GatewayForm owner={t} obj={obj} />;
  if (node.kind === "ListenerSet" || node.kind === "XListenerSet") return <ListenerSetForm owner={t} obj={obj} />;
  if (ROUTES.has(node.kind)) {
    let gw: GraphNode | undefined;
    for (const n of ix.nodes.values())
      if (n.kind === "Gateway" && n.defined && (!gw || (n.namespace === node.namespace && gw.namespace !== node.namespace))) gw = n;
    return <RouteForm route={t} routeId={node.id} obj={obj} firstGateway={gw && { name: gw.name, namespace: gw.namespace }} />;
  }
  if (node.kind === "GatewayClass") return <GatewayClassForm target={t} obj={obj} />;
  if (node.kind === "Service" && node.group === "") return <ServiceForm target={t} obj={obj} />;
  if (node.kind === "ReferenceGrant") return <ReferenceGrantForm target={t} obj={obj} />;
  if (node.role === "policy") return <PolicyForm target={t} obj={obj} />;
  return null;
}

/** A listener node: the form of that one listener of its Gateway or ListenerSet. */
function ListenerNodeForm({ node, source }: { node: GraphNode; source: Snapshot | null }) {
  const origin = typeof node.data.origin === "string" ? node.data.origin : "";
  const owner = targetOfId(origin);
  const obj = owner ? objectOf(source, origin) : null;
  if (!owner || !obj) return <p className="muted small" data-testid="edit-form-loading" data-source={source ? "ready" : "waiting"}>reading {origin}…</p>;
  const listeners = recs(specOf(obj).listeners);
  const index = listeners.findIndex((l) => str(l.name) === node.name);
  if (index === -1) return <p className="muted small">listener {node.name} is not in {origin}</p>;
  return <ListenerForm owner={{ ...owner, namespace: owner.namespace ?? node.namespace }} listeners={listeners} index={index} />;
}

/** `source`: the snapshot the objects are read from (resourceObjects.ts `objectSource`), null while unknown. */
export function EditForms({ node, ix, source }: { node: GraphNode; ix: SnapshotIndex; source: Snapshot | null }) {
  useEffect(() => void loadEditModule(), []);
  const target = targetOfId(node.id);
  let body: ReactNode = null;
  if (node.kind === "Listener") body = <ListenerNodeForm node={node} source={source} />;
  else if (!target) body = null;
  else if (!node.defined) {
    const known = KINDS.some((k) => k.kind === node.kind);
    body = known ? (
      <Btn
        title={`Add ${node.kind} ${node.name} to the YAML`}
        testId={`edit-create-${node.kind}-${node.namespace}-${node.name}`}
        onClick={() => void commitEdit({ op: "createResource", resource: { kind: node.kind, name: node.name, ...(clusterScoped(node.kind) ? {} : { namespace: node.namespace }) } })}
      >
        Create {node.kind} {node.name}
      </Btn>
    ) : null;
  } else {
    const obj = objectOf(source, node.id);
    body = obj ? (
      <>
        <MetaForm key={node.id} node={node} />
        <KindForm node={node} obj={obj} ix={ix} />
      </>
    ) : (
      <p className="muted small" data-testid="edit-form-loading" data-source={source ? "ready" : "waiting"}>
        reading {node.id}…
      </p>
    );
  }
  if (!body) return null;
  return (
    <section className="insp-section edit-forms" data-testid="edit-form" data-node={node.id}>
      <h4>Edit</h4>
      {body}
    </section>
  );
}
