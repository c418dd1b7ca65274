/**
 * The Inspector's view of what a node's kind is about, from the object as written and the
 * snapshot's edges and status: routes' rules, a Service's mesh routes, a ListenerSet's listeners, a
 * policy's targets and settings. Read-only. Kinds without a view render nothing.
 */
import type { GraphNode } from "../../../src/graph";
import type { SnapshotIndex } from "../snapshotIndex";
import { objectOf } from "../resourceObjects";
import type { Snapshot } from "../../worker/protocol";
import { RouteDetails } from "./RouteDetails";
import { ServiceDetails } from "./ServiceDetails";
import { ListenerSetDetails } from "./ListenerSetDetails";
import { PolicyDetails } from "./PolicyDetails";
import type { Obj } from "./read";

const ROUTES = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);
const POLICIES = new Set(["BackendTLSPolicy", "BackendLBPolicy", "XBackendTrafficPolicy"]);

/** Whether the node's kind has a details view (the Inspector then leaves out the facts it repeats). */
export function hasKindDetails(node: GraphNode): boolean {
  return ROUTES.has(node.kind) || POLICIES.has(node.kind) || node.kind === "ListenerSet" || node.kind === "XListenerSet" || (node.kind === "Service" && node.group === "");
}

/** `source`: the snapshot the objects are read from (resourceObjects.ts `objectSource`), null while unknown. */
export function KindDetails({ node, ix, source }: { node: GraphNode; ix: SnapshotIndex; source: Snapshot | null }) {
  if (!hasKindDetails(node)) return null;
  return <KindDetailsView node={node} ix={ix} obj={node.defined ? objectOf(source, node.id) : null} />;
}

/** The view for a node and its written object (null while unknown, or for placeholders). */
export function KindDetailsView({ node, ix, obj }: { node: GraphNode; ix: SnapshotIndex; obj: Obj | null }) {
  const edges = ix.edges.get(node.id) ?? [];
  if (ROUTES.has(node.kind)) return obj ? <RouteDetails node={node} obj={obj} edges={edges} /> : null;
  if (POLICIES.has(node.kind)) return <PolicyDetails node={node} obj={obj} edges={edges} />;
  if (node.kind === "Service") return <ServiceDetails node={node} obj={obj} edges={edges} />;
  if (node.kind === "ListenerSet" || node.kind === "XListenerSet") return <ListenerSetDetails node={node} obj={obj} edges={edges} listeners={ix.status.get(node.id)?.listeners ?? []} />;
  return null;
}
