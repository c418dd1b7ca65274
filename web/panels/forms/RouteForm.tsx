/**
 * A route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute): hostnames, parentRefs and rules.
 */
import type { Target } from "../../../src/edit/types";
import { validateHostname, validatePort } from "../../../src/edit/validate";
import { arr, recs, specOf, str, type Obj } from "../kinds/read";
import { editorFor } from "./edit";
import { Btn, ListField } from "./fields";
import { RecordList } from "./RecordList";
import { RuleForm } from "./RuleForm";

export interface RouteFormProps {
  route: Target & { namespace: string };
  routeId: string;
  obj: Obj;
  /** A Gateway a new parentRef starts pointing at. */
  firstGateway?: { name: string; namespace: string };
}

export function RouteForm({ route, routeId, obj, firstGateway }: RouteFormProps) {
  const spec = specOf(obj);
  const ed = editorFor(route);
  const l4 = route.kind === "TCPRoute" || route.kind === "UDPRoute";
  const rules = recs(spec.rules);
  return (
    <>
      {!l4 && (
        <ListField
          label={route.kind === "TLSRoute" ? "SNI hostnames" : "hostnames"}
          value={arr(spec.hostnames).map(str)}
          placeholder="any hostname the listener accepts"
          validateEach={validateHostname}
          testId={`route-hostnames-${route.namespace}-${route.name}`}
          onCommit={(v) => void ed.run({ op: "setHostnames", target: route, hostnames: v })}
        />
      )}
      <RecordList
        title="parentRefs"
        testId={`parentrefs-${route.kind}-${route.namespace}-${route.name}`}
        items={recs(spec.parentRefs)}
        ed={ed}
        path={["spec", "parentRefs"]}
        newItem={() => ({ name: firstGateway?.name ?? "gateway", ...(firstGateway && firstGateway.namespace !== route.namespace ? { namespace: firstGateway.namespace } : {}) })}
        columns={[
          { key: "kind", label: "kind", placeholder: "Gateway" },
          { key: "name", label: "name", required: true },
          { key: "namespace", label: "namespace", placeholder: "same" },
          { key: "sectionName", label: "listener", placeholder: "all" },
          { key: "port", label: "port", type: "number", validateNumber: validatePort },
        ]}
      />
      <div className="f-list-head">
        <span>rules ({rules.length})</span>
        <Btn title="Add a rule" testId={`rule-add-${route.kind}-${route.namespace}-${route.name}`} onClick={() => void ed.run({ op: "addRule", target: route })}>
          +
        </Btn>
      </div>
      <ol className="f-rules">
        {rules.map((_, i) => (
          <RuleForm key={i} route={route} routeId={routeId} kind={route.kind} index={i} rules={rules} />
        ))}
      </ol>
    </>
  );
}
