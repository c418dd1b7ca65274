/**
 * The palette's new resources: which kinds it offers, and the NewResource for one — a name not yet
 * taken, the namespace of what is selected, and references to what is already there (a route
 * attaches to the selected Gateway or listener, else the first Gateway; it sends to a Service of its
 * namespace when there is one). src/edit's defaults (defaults.ts) fill in the rest. Pure.
 */
import type { GraphNode } from "../../src/graph";
import type { NewResource, ParentRefInput } from "../../src/edit/types";

export interface PaletteItem {
  kind: string;
  label: string;
  /** Name stem of new objects. */
  stem: string;
  clusterScoped?: boolean;
}

export const PALETTE: readonly PaletteItem[] = [
  { kind: "Gateway", label: "Gateway", stem: "gateway" },
  { kind: "HTTPRoute", label: "HTTPRoute", stem: "http-route" },
  { kind: "GRPCRoute", label: "GRPCRoute", stem: "grpc-route" },
  { kind: "TLSRoute", label: "TLSRoute", stem: "tls-route" },
  { kind: "TCPRoute", label: "TCPRoute", stem: "tcp-route" },
  { kind: "UDPRoute", label: "UDPRoute", stem: "udp-route" },
  { kind: "Service", label: "Service", stem: "service" },
  { kind: "ReferenceGrant", label: "ReferenceGrant", stem: "reference-grant" },
  { kind: "ListenerSet", label: "ListenerSet", stem: "listener-set" },
  { kind: "BackendTLSPolicy", label: "BackendTLSPolicy", stem: "backend-tls" },
  { kind: "GatewayClass", label: "GatewayClass", stem: "gateway-class", clusterScoped: true },
  { kind: "Secret", label: "Secret (TLS certificate)", stem: "tls-cert" },
];

const ROUTES = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);

/** What is on the canvas now. */
export interface PaletteContext {
  nodes: readonly GraphNode[];
  selected: GraphNode | null;
  /** A Service's first port, when it can be read (a new route's backendRef uses it). */
  portOf?: (serviceId: string) => number | undefined;
}

/** The graph id a new object will have. */
export function newId(item: PaletteItem, namespace: string, name: string): string {
  return item.clusterScoped ? `${item.kind}/${name}` : `${item.kind}/${namespace}/${name}`;
}

function uniqueName(item: PaletteItem, namespace: string, taken: ReadonlySet<string>): string {
  let name = item.stem;
  for (let n = 2; taken.has(newId(item, namespace, name)); n++) name = `${item.stem}-${n}`;
  return name;
}

/** The parent a new route or ListenerSet attaches to. */
function parentFor(ctx: PaletteContext, ns: string, forListenerSet: boolean): ParentRefInput | undefined {
  const sel = ctx.selected;
  const ref = (g: GraphNode, sectionName?: string): ParentRefInput => ({
    ...(g.kind !== "Gateway" ? { group: g.group, kind: g.kind } : {}),
    name: g.name,
    ...(g.namespace !== ns ? { namespace: g.namespace } : {}),
    ...(sectionName ? { sectionName } : {}),
  });
  if (sel && sel.defined && (sel.kind === "Gateway" || (!forListenerSet && sel.role === "listenerset"))) return ref(sel);
  if (sel && sel.kind === "Listener" && !forListenerSet) {
    const owner = typeof sel.data.origin === "string" ? ctx.nodes.find((n) => n.id === sel.data.origin) : undefined;
    if (owner) return ref(owner, sel.name);
  }
  const gws = ctx.nodes.filter((n) => n.kind === "Gateway" && n.defined);
  const g = gws.find((n) => n.namespace === ns) ?? gws[0];
  return g ? ref(g) : undefined;
}

/** The namespace new objects go to: the selected object's, else the one most objects are in, else "default". */
function namespaceFor(ctx: PaletteContext): string {
  if (ctx.selected?.namespace) return ctx.selected.namespace;
  const count = new Map<string, number>();
  for (const n of ctx.nodes) if (n.namespace && n.defined) count.set(n.namespace, (count.get(n.namespace) ?? 0) + 1);
  let best = "default";
  let most = 0;
  for (const [ns, c] of count) if (c > most) [best, most] = [ns, c];
  return best;
}

/** The resource to create for a palette item, and its graph id (to select it once drawn). */
export function newResourceFor(item: PaletteItem, ctx: PaletteContext): { resource: NewResource; id: string } {
  const namespace = namespaceFor(ctx);
  const taken = new Set(ctx.nodes.filter((n) => n.defined).map((n) => n.id));
  const name = uniqueName(item, namespace, taken);
  const r: NewResource = { kind: item.kind, name, ...(item.clusterScoped ? {} : { namespace }) };
  const services = ctx.nodes.filter((n) => n.kind === "Service" && n.defined);
  const service = ctx.selected?.kind === "Service" && ctx.selected.defined ? ctx.selected : services.find((s) => s.namespace === namespace);
  if (item.kind === "Gateway") {
    const cls = ctx.nodes.find((n) => n.kind === "GatewayClass" && n.defined);
    if (cls) r.gatewayClassName = cls.name;
  }
  if (ROUTES.has(item.kind) || item.kind === "ListenerSet") {
    const parent = parentFor(ctx, namespace, item.kind === "ListenerSet");
    if (parent) r.parent = parent;
  }
  if (ROUTES.has(item.kind) && service && service.namespace === namespace) {
    const port = ctx.portOf?.(service.id);
    r.backend = { name: service.name, ...(port !== undefined ? { port } : {}) };
  }
  if (item.kind === "BackendTLSPolicy" && service && service.namespace === namespace) r.backend = { name: service.name };
  if (item.kind === "GatewayClass") r.name = name;
  return { resource: r, id: newId(item, namespace, name) };
}
