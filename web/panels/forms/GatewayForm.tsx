/**
 * Gateways and ListenerSets: the class (or parent Gateway), the listeners, and a Gateway's client
 * certificate validation for HTTPS (`spec.tls.frontend.default.validation`).
 */
import type { Target } from "../../../src/edit/types";
import { duplicateListenerNames } from "../../../src/edit/validate";
import { rec, recs, specOf, str, type Obj } from "../kinds/read";
import { editorFor } from "./edit";
import { Btn, SelectField, TextField } from "./fields";
import { ListenerForm } from "./ListenerForm";
import { RecordList } from "./RecordList";

type Owner = Target & { namespace: string };

function Listeners({ owner, listeners }: { owner: Owner; listeners: Obj[] }) {
  const ed = editorFor(owner);
  const dups = duplicateListenerNames(listeners);
  return (
    <>
      <div className="f-list-head">
        <span>listeners ({listeners.length})</span>
        <select
          aria-label="Add a listener"
          data-testid={`listener-add-${owner.namespace}-${owner.name}`}
          value=""
          onChange={(e) => e.target.value && void ed.run({ op: "addListener", target: owner, listener: { protocol: e.target.value } })}
        >
          <option value="">+ listener…</option>
          {["HTTP", "HTTPS", "TLS", "TCP", "UDP"].map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      {dups.length > 0 && <span className="f-issue error">{dups[0].message}</span>}
      {listeners.map((_, i) => (
        <ListenerForm key={i} owner={owner} listeners={listeners} index={i} />
      ))}
    </>
  );
}

function FrontendValidation({ owner, spec }: { owner: Owner; spec: Obj }) {
  const ed = editorFor(owner);
  const base = ["spec", "tls", "frontend", "default", "validation"];
  const v = rec(rec(rec(rec(spec.tls)?.frontend)?.default)?.validation);
  return (
    <div className="f-sub" data-testid={`frontend-${owner.namespace}-${owner.name}`}>
      <div className="f-list-head">
        <span>client certificate validation (HTTPS listeners)</span>
        {v ? (
          <Btn title="Remove client certificate validation" danger onClick={() => void ed.run({ op: "setFrontendValidation", target: owner, validation: null })}>
            ✕
          </Btn>
        ) : (
          <Btn title="Validate client certificates" testId={`frontend-add-${owner.namespace}-${owner.name}`} onClick={() => void ed.run({ op: "setFrontendValidation", target: owner, validation: { caCertificateRefs: [{ name: "client-ca" }] } })}>
            +
          </Btn>
        )}
      </div>
      {v && (
        <>
          <SelectField label="mode" value={str(v.mode)} options={[["", "AllowValidOnly (default)"], ["AllowValidOnly", "AllowValidOnly"], ["AllowInsecureFallback", "AllowInsecureFallback"]]} onCommit={(m) => void ed.set([...base, "mode"], m)} />
          <RecordList
            title="caCertificateRefs"
            items={recs(v.caCertificateRefs)}
            ed={ed}
            path={[...base, "caCertificateRefs"]}
            newItem={() => ({ group: "", kind: "ConfigMap", name: "client-ca" })}
            columns={[
              { key: "kind", label: "kind", placeholder: "ConfigMap" },
              { key: "name", label: "name", required: true },
              { key: "namespace", label: "namespace", placeholder: "same" },
            ]}
          />
        </>
      )}
    </div>
  );
}

export function GatewayForm({ owner, obj }: { owner: Owner; obj: Obj }) {
  const spec = specOf(obj);
  const ed = editorFor(owner);
  return (
    <>
      <TextField label="gatewayClassName" value={str(spec.gatewayClassName)} required testId={`gateway-class-${owner.namespace}-${owner.name}`} onCommit={(v) => void ed.set(["spec", "gatewayClassName"], v)} />
      <Listeners owner={owner} listeners={recs(spec.listeners)} />
      <FrontendValidation owner={owner} spec={spec} />
    </>
  );
}

export function ListenerSetForm({ owner, obj }: { owner: Owner; obj: Obj }) {
  const spec = specOf(obj);
  const ed = editorFor(owner);
  const p = rec(spec.parentRef);
  return (
    <>
      <div className="f-grid">
        <TextField label="parent Gateway" value={str(p?.name)} required onCommit={(v) => void ed.set(["spec", "parentRef", "name"], v)} />
        <TextField label="namespace" value={str(p?.namespace)} placeholder="same" onCommit={(v) => void ed.set(["spec", "parentRef", "namespace"], v)} />
      </div>
      <Listeners owner={owner} listeners={recs(spec.listeners)} />
    </>
  );
}
