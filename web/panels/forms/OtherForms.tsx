/**
 * The remaining kinds' main fields: GatewayClass (controllerName), Service (ports), ReferenceGrant
 * (from and to), policies (targetRefs; BackendTLSPolicy's validation: hostname, CA references or
 * well-known CAs).
 */
import type { Target } from "../../../src/edit/types";
import { validateHostname, validatePort } from "../../../src/edit/validate";
import { rec, recs, specOf, str, type Obj } from "../kinds/read";
import { editorFor } from "./edit";
import { SelectField, TextField } from "./fields";
import { RecordList } from "./RecordList";

type T = Target & { namespace: string };

export function GatewayClassForm({ target, obj }: { target: Target; obj: Obj }) {
  const ed = editorFor(target);
  return <TextField label="controllerName" value={str(specOf(obj).controllerName)} required onCommit={(v) => void ed.set(["spec", "controllerName"], v)} />;
}

export function ServiceForm({ target, obj }: { target: T; obj: Obj }) {
  const ed = editorFor(target);
  return (
    <RecordList
      title="ports"
      testId={`service-ports-${target.namespace}-${target.name}`}
      items={recs(specOf(obj).ports)}
      ed={ed}
      path={["spec", "ports"]}
      newItem={() => ({ port: 80, targetPort: 8080 })}
      columns={[
        { key: "name", label: "name" },
        { key: "port", label: "port", type: "number", required: true, validateNumber: validatePort },
        { key: "targetPort", label: "targetPort" },
        { key: "appProtocol", label: "appProtocol" },
      ]}
    />
  );
}

export function ReferenceGrantForm({ target, obj }: { target: T; obj: Obj }) {
  const ed = editorFor(target);
  const spec = specOf(obj);
  return (
    <>
      <RecordList
        title="from"
        items={recs(spec.from)}
        ed={ed}
        path={["spec", "from"]}
        newItem={() => ({ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "default" })}
        columns={[
          { key: "group", label: "group" },
          { key: "kind", label: "kind", required: true },
          { key: "namespace", label: "namespace", required: true },
        ]}
      />
      <RecordList
        title="to"
        items={recs(spec.to)}
        ed={ed}
        path={["spec", "to"]}
        newItem={() => ({ group: "", kind: "Service" })}
        columns={[
          { key: "group", label: "group" },
          { key: "kind", label: "kind", required: true },
          { key: "name", label: "name", placeholder: "all" },
        ]}
      />
    </>
  );
}

export function PolicyForm({ target, obj }: { target: T; obj: Obj }) {
  const ed = editorFor(target);
  const spec = specOf(obj);
  const v = rec(spec.validation);
  return (
    <>
      <RecordList
        title="targetRefs"
        testId={`policy-targets-${target.namespace}-${target.name}`}
        items={recs(spec.targetRefs)}
        ed={ed}
        path={["spec", "targetRefs"]}
        newItem={() => ({ group: "", kind: "Service", name: "service" })}
        columns={[
          { key: "group", label: "group" },
          { key: "kind", label: "kind", required: true },
          { key: "name", label: "name", required: true },
          { key: "sectionName", label: "section" },
        ]}
      />
      {target.kind === "BackendTLSPolicy" && (
        <div className="f-sub">
          <TextField label="validation hostname (SNI)" value={str(v?.hostname)} required validate={validateHostname} onCommit={(h) => void ed.set(["spec", "validation", "hostname"], h)} />
          <SelectField
            label="wellKnownCACertificates"
            value={str(v?.wellKnownCACertificates)}
            options={[["", "(none: use caCertificateRefs)"], ["System", "System"]]}
            onCommit={(w) => void ed.set(["spec", "validation", "wellKnownCACertificates"], w)}
          />
          <RecordList
            title="caCertificateRefs"
            items={recs(v?.caCertificateRefs)}
            ed={ed}
            path={["spec", "validation", "caCertificateRefs"]}
            newItem={() => ({ group: "", kind: "ConfigMap", name: "ca" })}
            columns={[
              { key: "kind", label: "kind", placeholder: "ConfigMap" },
              { key: "name", label: "name", required: true },
            ]}
          />
        </div>
      )}
    </>
  );
}
