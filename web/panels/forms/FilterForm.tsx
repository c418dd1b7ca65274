/**
 * One filter of a rule (or of a backendRef): its type, and the configuration of that type —
 * header modifiers (set, add, remove), RequestRedirect, URLRewrite, RequestMirror, CORS, ExtensionRef.
 * Changing the type goes through src/edit's `updateFilter` (the configuration moves to the new
 * type's field); fields write their own paths.
 */
import type { Path, Target } from "../../../src/edit/types";
import { FILTER_FIELD, FILTER_TYPES } from "../../../src/edit/defaults";
import { validateHeaderName, validateHostname, validatePort } from "../../../src/edit/validate";
import { arr, num, rec, recs, str, type Obj } from "../kinds/read";
import { editorFor, type ResourceEditor } from "./edit";
import { Btn, CheckField, ListField, NumberField, SelectField, TextField } from "./fields";
import { RecordList } from "./RecordList";

export interface FilterFormProps {
  route: Target & { namespace: string };
  kind: string;
  rule: number;
  index: number;
  filter: Obj;
}

const nameValue = [
  { key: "name", label: "name", required: true, validate: validateHeaderName },
  { key: "value", label: "value", required: true },
];

function HeaderModifier({ cfg, ed, at }: { cfg: Obj | null; ed: ResourceEditor; at: Path }) {
  return (
    <>
      <RecordList title="set" items={recs(cfg?.set)} columns={nameValue} ed={ed} path={[...at, "set"]} newItem={() => ({ name: "x-header", value: "value" })} />
      <RecordList title="add" items={recs(cfg?.add)} columns={nameValue} ed={ed} path={[...at, "add"]} newItem={() => ({ name: "x-header", value: "value" })} />
      <ListField label="remove" value={arr(cfg?.remove).map(str)} validateEach={validateHeaderName} placeholder="header names" onCommit={(v) => void (v.length ? ed.set([...at, "remove"], v) : ed.del([...at, "remove"]))} />
    </>
  );
}

function PathModifier({ cfg, ed, at }: { cfg: Obj | null; ed: ResourceEditor; at: Path }) {
  const p = rec(cfg?.path);
  const type = str(p?.type);
  const field = type === "ReplacePrefixMatch" ? "replacePrefixMatch" : "replaceFullPath";
  return (
    <>
      <SelectField
        label="path"
        value={type}
        options={[["", "keep"], ["ReplaceFullPath", "ReplaceFullPath"], ["ReplacePrefixMatch", "ReplacePrefixMatch"]]}
        onCommit={(v) => void (v ? ed.set([...at, "path"], { type: v, [v === "ReplacePrefixMatch" ? "replacePrefixMatch" : "replaceFullPath"]: str(p?.[field]) || "/" }) : ed.del([...at, "path"]))}
      />
      {type && <TextField label={field} value={str(p?.[field])} required onCommit={(v) => void ed.set([...at, "path", field], v)} />}
    </>
  );
}

function Config({ type, cfg, ed, at }: { type: string; cfg: Obj | null; ed: ResourceEditor; at: Path }) {
  switch (type) {
    case "RequestHeaderModifier":
    case "ResponseHeaderModifier":
      return <HeaderModifier cfg={cfg} ed={ed} at={at} />;
    case "RequestRedirect":
      return (
        <div className="f-grid">
          <SelectField label="scheme" value={str(cfg?.scheme)} options={[["", "keep"], ["http", "http"], ["https", "https"]]} onCommit={(v) => void ed.set([...at, "scheme"], v)} />
          <TextField label="hostname" value={str(cfg?.hostname)} placeholder="keep" validate={validateHostname} onCommit={(v) => void ed.set([...at, "hostname"], v)} />
          <NumberField label="port" value={num(cfg?.port)} optional validate={validatePort} onCommit={(v) => void ed.set([...at, "port"], v)} />
          <SelectField label="status" value={str(cfg?.statusCode)} options={[["", "302 (default)"], ...["301", "302", "303", "307", "308"].map((c) => [c, c] as const)]} onCommit={(v) => void ed.set([...at, "statusCode"], v ? Number(v) : null)} />
          <PathModifier cfg={cfg} ed={ed} at={at} />
        </div>
      );
    case "URLRewrite":
      return (
        <div className="f-grid">
          <TextField label="hostname" value={str(cfg?.hostname)} placeholder="keep" validate={validateHostname} onCommit={(v) => void ed.set([...at, "hostname"], v)} />
          <PathModifier cfg={cfg} ed={ed} at={at} />
        </div>
      );
    case "RequestMirror": {
      const b = rec(cfg?.backendRef);
      return (
        <div className="f-grid">
          <TextField label="mirror to" value={str(b?.name)} required onCommit={(v) => void ed.set([...at, "backendRef", "name"], v)} />
          <TextField label="namespace" value={str(b?.namespace)} placeholder="same" onCommit={(v) => void ed.set([...at, "backendRef", "namespace"], v)} />
          <NumberField label="port" value={num(b?.port)} optional validate={validatePort} onCommit={(v) => void ed.set([...at, "backendRef", "port"], v)} />
          <NumberField label="percent" value={num(cfg?.percent)} optional validate={(n) => (n < 0 || n > 100 ? { severity: "error", message: "percent must be between 0 and 100" } : null)} onCommit={(v) => void ed.set([...at, "percent"], v)} />
        </div>
      );
    }
    case "CORS":
      return (
        <div className="f-grid">
          <ListField label="allowOrigins" value={arr(cfg?.allowOrigins).map(str)} onCommit={(v) => void ed.set([...at, "allowOrigins"], v.length ? v : null)} />
          <ListField label="allowMethods" value={arr(cfg?.allowMethods).map(str)} onCommit={(v) => void ed.set([...at, "allowMethods"], v.length ? v : null)} />
          <ListField label="allowHeaders" value={arr(cfg?.allowHeaders).map(str)} onCommit={(v) => void ed.set([...at, "allowHeaders"], v.length ? v : null)} />
          <ListField label="exposeHeaders" value={arr(cfg?.exposeHeaders).map(str)} onCommit={(v) => void ed.set([...at, "exposeHeaders"], v.length ? v : null)} />
          <NumberField label="maxAge (s)" value={num(cfg?.maxAge)} optional onCommit={(v) => void ed.set([...at, "maxAge"], v)} />
          <CheckField label="allowCredentials" value={cfg?.allowCredentials === true} onCommit={(v) => void ed.set([...at, "allowCredentials"], v ? true : null)} />
        </div>
      );
    case "ExtensionRef":
      return (
        <div className="f-grid">
          <TextField label="group" value={str(cfg?.group)} required onCommit={(v) => void ed.set([...at, "group"], v)} />
          <TextField label="kind" value={str(cfg?.kind)} required onCommit={(v) => void ed.set([...at, "kind"], v)} />
          <TextField label="name" value={str(cfg?.name)} required onCommit={(v) => void ed.set([...at, "name"], v)} />
        </div>
      );
    default:
      return <p className="muted small">{type}: kept as written</p>;
  }
}

export function FilterForm({ route, kind, rule, index, filter }: FilterFormProps) {
  const ed = editorFor(route);
  const type = str(filter.type);
  const field = FILTER_FIELD[type];
  const at = ["spec", "rules", rule, "filters", index, field ?? type];
  const types = FILTER_TYPES[kind] ?? [];
  const tid = `filter-${route.kind}-${route.namespace}-${route.name}-${rule}-${index}`;
  return (
    <div className="f-card f-filter" data-testid={tid}>
      <div className="f-grid">
        <SelectField label="filter" value={type} options={types.map((t) => [t, t] as const)} testId={`${tid}-type`} onCommit={(v) => void ed.run({ op: "updateFilter", target: route, rule, filter: index, patch: { type: v } })} />
        <Btn title={`Remove filter ${type}`} danger testId={`${tid}-remove`} onClick={() => void ed.run({ op: "removeFilter", target: route, rule, filter: index })}>
          ✕
        </Btn>
      </div>
      <Config type={type} cfg={rec(field ? filter[field] : null)} ed={ed} at={at} />
    </div>
  );
}
