/**
 * One memo'd component per node role (DESIGN principle 8). Each reads only its own props and the
 * narrow per-node flags of Shell; what it shows comes from the graph node's `data`. Detail that does
 * not fit the layout's box (all rules, every hostname) is in the tooltip and the hover card.
 */
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { ResourceNode } from "../flowTypes";
import { Shell, Title } from "./Shell";

type Props = NodeProps<ResourceNode>;

function arr(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

export const ClassNode = memo(function ClassNode({ id, data }: Props) {
  return (
    <Shell id={id} data={data} className="sy-class">
      <Title kind="GatewayClass" name={data.g.name} />
    </Shell>
  );
});

export const GatewayNode = memo(function GatewayNode({ id, data }: Props) {
  const d = data.g.data;
  const cls = typeof d.className === "string" ? d.className : "";
  const listeners = typeof d.listeners === "number" ? d.listeners : data.ports;
  const facts = `${data.g.kind} ${data.g.namespace}/${data.g.name}${cls ? `\nclass ${cls}` : ""}\n${listeners} listener${listeners === 1 ? "" : "s"}`;
  return (
    <Shell id={id} data={data} className="sy-gateway" title={facts}>
      <div className={`sy-header${data.ports ? "" : " sy-full"}`} style={data.ports ? { height: data.handleY * 2 } : undefined}>
        <Title kind={data.g.kind} name={data.g.name} sub={cls ? `class ${cls}` : undefined} />
      </div>
    </Shell>
  );
});

/** Listener facts: `:443 HTTPS *.example.com TLS Terminate`. */
export function listenerFacts(d: Record<string, unknown>): { port: string; protocol: string; hostname: string; tls: string; attached: number } {
  return {
    port: d.port !== undefined ? `:${String(d.port)}` : "",
    protocol: typeof d.protocol === "string" ? d.protocol : "",
    hostname: typeof d.hostname === "string" && d.hostname ? d.hostname : "*",
    tls: typeof d.tls === "string" ? d.tls : "",
    attached: typeof d.attachedRoutes === "number" ? d.attachedRoutes : 0,
  };
}

export const ListenerNode = memo(function ListenerNode({ id, data }: Props) {
  const f = listenerFacts(data.g.data);
  const facts = `Listener ${data.g.name}\nport ${f.port.slice(1)} · ${f.protocol}\nhostname ${f.hostname}${f.tls ? `\nTLS ${f.tls}` : ""}\n${f.attached} attached route${f.attached === 1 ? "" : "s"}`;
  return (
    <Shell id={id} data={data} className={`sy-listener${data.port ? " sy-port" : ""}`} title={facts}>
      <div className="sy-row">
        <span className="sy-name">{data.g.name}</span>
        <span className="sy-port-no">{f.port}</span>
        <span className="sy-proto">{f.protocol}</span>
        <span className="sy-host">{f.hostname}</span>
        {f.tls ? <span className={`sy-tls sy-tls-${f.tls.toLowerCase()}`}>{f.tls === "Passthrough" ? "TLS→" : "TLS"}</span> : null}
        <span className="sy-count" title={`${f.attached} attached routes`}>
          {f.attached}
        </span>
      </div>
    </Shell>
  );
});

export const RouteNode = memo(function RouteNode({ id, data }: Props) {
  const d = data.g.data;
  const hostnames = arr(d.hostnames);
  const rules = arr(d.ruleSummaries);
  const count = typeof d.rules === "number" ? d.rules : rules.length;
  const summary = rules.length ? `${rules[0]}${count > 1 ? ` · +${count - 1} rule${count > 2 ? "s" : ""}` : ""}` : `${count} rules`;
  const facts = `${data.g.kind} ${data.g.namespace}/${data.g.name}\nhostnames: ${hostnames.length ? hostnames.join(", ") : "any"}\n${rules.map((r, i) => `rule ${i}: ${r}`).join("\n")}`;
  return (
    <Shell id={id} data={data} className="sy-route" title={facts}>
      <Title kind={data.g.kind} name={data.g.name} sub={hostnames.length ? hostnames[0] + (hostnames.length > 1 ? ` +${hostnames.length - 1}` : "") : undefined} />
      <div className="sy-detail sy-rules">{summary}</div>
    </Shell>
  );
});

/** Services, ReferenceGrants, policies, Secrets and anything else: the kind and the name. */
export const PlainNode = memo(function PlainNode({ id, data }: Props) {
  return (
    <Shell id={id} data={data} className={`sy-${data.g.role}`}>
      <Title kind={data.g.kind} name={data.g.name} />
    </Shell>
  );
});
