/**
 * One match of a rule. HTTPRoute: path (type and value, checked with the HTTPPathMatch rules as the
 * user types), method, headers, query parameters. GRPCRoute: the method match (service and/or
 * method) and headers. Each field writes its own path; emptying a field removes it.
 */
import type { Target } from "../../../src/edit/types";
import { validateHeaderName, validatePathValue } from "../../../src/edit/validate";
import { rec, recs, str, type Obj } from "../kinds/read";
import { editorFor } from "./edit";
import { Btn, SelectField, TextField } from "./fields";
import { RecordList } from "./RecordList";

const PATH_TYPES = [
  ["PathPrefix", "PathPrefix"],
  ["Exact", "Exact"],
  ["RegularExpression", "RegularExpression"],
] as const;
const METHODS = [["", "any method"], ...["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"].map((m) => [m, m] as const)] as const;
const VALUE_TYPES = [
  ["", "Exact"],
  ["Exact", "Exact (written)"],
  ["RegularExpression", "RegularExpression"],
] as const;

export interface MatchFormProps {
  route: Target & { namespace: string };
  kind: string;
  rule: number;
  index: number;
  match: Obj;
}

const keyValueColumns = [
  { key: "type", label: "type", type: "select" as const, options: VALUE_TYPES },
  { key: "name", label: "name", required: true, validate: validateHeaderName },
  { key: "value", label: "value", required: true },
];

export function MatchForm({ route, kind, rule, index, match }: MatchFormProps) {
  const ed = editorFor(route);
  const base = ["spec", "rules", rule, "matches", index];
  const tid = `match-${route.kind}-${route.namespace}-${route.name}-${rule}-${index}`;
  const remove = (
    <Btn title={`Remove match ${index}`} danger testId={`${tid}-remove`} onClick={() => void ed.run({ op: "removeMatch", target: route, rule, match: index })}>
      ✕
    </Btn>
  );
  if (kind === "GRPCRoute") {
    const m = rec(match.method);
    return (
      <div className="f-card f-match" data-testid={tid}>
        <div className="f-grid">
          <SelectField label="type" value={str(m?.type)} options={[["", "Exact"], ["Exact", "Exact (written)"], ["RegularExpression", "RegularExpression"]]} onCommit={(v) => void ed.set([...base, "method", "type"], v)} />
          <TextField label="service" value={str(m?.service)} placeholder="any" testId={`${tid}-service`} onCommit={(v) => void ed.set([...base, "method", "service"], v)} />
          <TextField label="method" value={str(m?.method)} placeholder="any" testId={`${tid}-method`} onCommit={(v) => void ed.set([...base, "method", "method"], v)} />
          {remove}
        </div>
        {/* GRPCMethodMatch: "One or both of 'service' or 'method' must be specified." */}
        {m && !str(m.service) && !str(m.method) ? <span className="f-issue error">set a service, a method or both</span> : null}
        <RecordList title="headers" items={recs(match.headers)} columns={keyValueColumns} ed={ed} path={[...base, "headers"]} newItem={() => ({ name: "x-header", value: "value" })} testId={`${tid}-headers`} />
      </div>
    );
  }
  const path = rec(match.path);
  const type = str(path?.type) || "PathPrefix";
  return (
    <div className="f-card f-match" data-testid={tid}>
      <div className="f-grid">
        <SelectField label="path type" value={type} options={PATH_TYPES} testId={`${tid}-path-type`} onCommit={(v) => void ed.set([...base, "path", "type"], v)} />
        <TextField label="path" value={str(path?.value)} placeholder="/" testId={`${tid}-path`} validate={(v) => validatePathValue(type, v)} onCommit={(v) => void ed.set([...base, "path", "value"], v)} />
        <SelectField label="method" value={str(match.method)} options={METHODS} testId={`${tid}-method`} onCommit={(v) => void ed.set([...base, "method"], v)} />
        {remove}
      </div>
      <RecordList title="headers" items={recs(match.headers)} columns={keyValueColumns} ed={ed} path={[...base, "headers"]} newItem={() => ({ name: "x-header", value: "value" })} testId={`${tid}-headers`} />
      <RecordList title="query params" items={recs(match.queryParams)} columns={keyValueColumns.map((c) => (c.key === "name" ? { ...c, validate: undefined } : c))} ed={ed} path={[...base, "queryParams"]} newItem={() => ({ name: "param", value: "value" })} testId={`${tid}-query`} />
    </div>
  );
}
