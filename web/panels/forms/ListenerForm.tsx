/**
 * One listener of a Gateway or ListenerSet: name, port, protocol, hostname, TLS (mode and
 * certificate references), allowedRoutes (namespaces and kinds). Changes go through src/edit's
 * `updateListener`, which keeps the spec's constraints (a protocol switch adds or drops the TLS
 * block) and renames the sectionName of parentRefs when the listener is renamed.
 * The port input is an automation contract: `listener-port-<namespace>-<gateway>-<listener>`.
 */
import type { ListenerChanges, Target } from "../../../src/edit/types";
import { duplicateListenerNames, validateHostname, validateListenerName, validatePort } from "../../../src/edit/validate";
import { num, rec, recs, str, type Obj } from "../kinds/read";
import { editorFor } from "./edit";
import { Btn, ListField, NumberField, SelectField, TextField } from "./fields";
import { RecordList } from "./RecordList";

const PROTOCOLS = ["HTTP", "HTTPS", "TLS", "TCP", "UDP"].map((p) => [p, p] as const);
const FROM = [
  ["", "Same (default)"],
  ["Same", "Same"],
  ["All", "All"],
  ["Selector", "Selector"],
] as const;

/** `a=b, c=d` ↔ matchLabels. */
export function labelsText(o: Obj | null): string {
  return o ? Object.entries(o).map(([k, v]) => `${k}=${str(v)}`).join(", ") : "";
}

export function parseLabels(t: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const part of t.split(",").map((s) => s.trim()).filter(Boolean)) {
    const i = part.indexOf("=");
    if (i <= 0) return null;
    out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

export interface ListenerFormProps {
  owner: Target & { namespace: string };
  /** The listeners as written, and which one this is. */
  listeners: readonly Obj[];
  index: number;
}

export function ListenerForm({ owner, listeners, index }: ListenerFormProps) {
  const l = listeners[index];
  const name = str(l.name);
  const protocol = str(l.protocol);
  const tls = rec(l.tls);
  const ar = rec(l.allowedRoutes);
  const nsSel = rec(ar?.namespaces);
  const ed = editorFor(owner);
  const update = (changes: ListenerChanges) => void ed.run({ op: "updateListener", target: owner, listener: name, changes });
  const base = ["spec", "listeners", index];
  const dup = duplicateListenerNames(listeners).find((x) => x.index === index);
  const tlsCapable = protocol === "HTTPS" || protocol === "TLS" || !!tls;
  return (
    <div className="f-card" data-testid={`listener-form-${owner.namespace}-${owner.name}-${name}`}>
      <div className="f-card-head">
        <b>listener {name}</b>
        <span className="f-spacer" />
        <Btn title="Move up" disabled={index === 0} onClick={() => void ed.run({ op: "moveListener", target: owner, listener: name, to: index - 1 })}>
          ↑
        </Btn>
        <Btn title="Move down" disabled={index === listeners.length - 1} onClick={() => void ed.run({ op: "moveListener", target: owner, listener: name, to: index + 1 })}>
          ↓
        </Btn>
        <Btn title={`Remove listener ${name}`} danger testId={`listener-remove-${owner.namespace}-${owner.name}-${name}`} onClick={() => void ed.run({ op: "removeListener", target: owner, listener: name })}>
          ✕
        </Btn>
      </div>
      <div className="f-grid">
        <TextField
          label="name"
          value={name}
          required
          testId={`listener-name-${owner.namespace}-${owner.name}-${name}`}
          validate={(v) => validateListenerName(v) ?? (v !== name && listeners.some((x) => str(x.name) === v) ? { severity: "error", message: `listener name ${v} is already used (Listener name must be unique within the Gateway)` } : null)}
          onCommit={(v) => update({ name: v })}
        />
        <NumberField label="port" value={num(l.port)} min={1} max={65535} validate={validatePort} testId={`listener-port-${owner.namespace}-${owner.name}-${name}`} onCommit={(v) => v !== null && update({ port: v })} />
        <SelectField label="protocol" value={protocol} options={PROTOCOLS} testId={`listener-protocol-${owner.namespace}-${owner.name}-${name}`} onCommit={(v) => update({ protocol: v })} />
        <TextField label="hostname" value={str(l.hostname)} placeholder="any" validate={validateHostname} testId={`listener-hostname-${owner.namespace}-${owner.name}-${name}`} onCommit={(v) => update({ hostname: v || null })} />
      </div>
      {dup ? <span className="f-issue error">{dup.message}</span> : null}
      {tlsCapable && (
        <div className="f-sub">
          <SelectField
            label="TLS mode"
            value={str(tls?.mode)}
            options={[["", "(not set)"], ["Terminate", "Terminate"], ["Passthrough", "Passthrough"]]}
            testId={`listener-tls-mode-${owner.namespace}-${owner.name}-${name}`}
            issue={protocol === "HTTPS" && str(tls?.mode) === "Passthrough" ? { severity: "error", message: "tls mode must be Terminate for protocol HTTPS" } : null}
            onCommit={(v) => update({ tlsMode: v === "Terminate" || v === "Passthrough" ? v : null })}
          />
          {str(tls?.mode) !== "Passthrough" && (
            <RecordList
              title="certificateRefs"
              testId={`listener-certs-${owner.namespace}-${owner.name}-${name}`}
              items={recs(tls?.certificateRefs)}
              ed={ed}
              path={[...base, "tls", "certificateRefs"]}
              newItem={() => ({ kind: "Secret", name: `${name}-tls` })}
              columns={[
                { key: "name", label: "Secret", required: true },
                { key: "namespace", label: "namespace", placeholder: "same" },
              ]}
            />
          )}
        </div>
      )}
      <div className="f-sub f-grid">
        <SelectField label="routes from namespaces" value={str(nsSel?.from)} options={FROM} testId={`listener-from-${owner.namespace}-${owner.name}-${name}`} onCommit={(v) => update({ allowedNamespaces: v ? { from: v } : null })} />
        {str(nsSel?.from) === "Selector" && (
          <TextField
            label="namespace labels"
            value={labelsText(rec(rec(nsSel?.selector)?.matchLabels))}
            placeholder="team=shop"
            validate={(v) => (parseLabels(v) ? null : { severity: "error", message: "write labels as key=value, separated by commas" })}
            onCommit={(v) => update({ allowedNamespaces: { from: "Selector", selector: { matchLabels: parseLabels(v) ?? {} } } })}
          />
        )}
        <ListField
          label="route kinds"
          value={recs(ar?.kinds).map((k) => str(k.kind))}
          placeholder="the protocol's kinds"
          onCommit={(v) => update({ allowedKinds: v.length ? v.map((kind) => ({ kind })) : null })}
        />
      </div>
    </div>
  );
}
