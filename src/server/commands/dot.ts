/** The graph as Graphviz dot: one cluster per namespace, placeholders dashed, broken references red. */
import type { Graph, GraphNode } from "../../graph";

/** A dot string literal; line breaks become dot's `\n`. */
function q(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

const COLOR = { ok: "black", warning: "orange", error: "red" } as const;

function nodeLine(n: GraphNode, indent: string): string {
  const label = n.kind === "Listener" ? `Listener ${n.name}\n${String(n.data.protocol ?? "")}:${String(n.data.port ?? "")}` : `${n.kind}\n${n.name}`;
  return `${indent}${q(n.id)} [label=${q(label)}, color=${COLOR[n.status.level]}${n.defined ? "" : ", style=dashed"}];`;
}

export function toDot(g: Graph): string {
  const out: string[] = ["digraph switchyard {", "  rankdir=LR;", "  node [shape=box, fontname=Helvetica];"];
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const inGroup = new Set<string>();
  for (const grp of g.groups) {
    out.push(`  subgraph ${q("cluster_" + grp.namespace)} {`, `    label=${q("namespace " + grp.namespace)};`);
    for (const id of grp.members) {
      const n = byId.get(id);
      if (!n) continue;
      out.push(nodeLine(n, "    "));
      inGroup.add(id);
    }
    out.push("  }");
  }
  for (const n of g.nodes) if (!inGroup.has(n.id)) out.push(nodeLine(n, "  "));
  for (const e of g.edges) {
    const label = e.type === "backendRef" && e.percent !== undefined ? `${e.percent}%` : e.type;
    out.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(label)}${e.ok ? "" : ", color=red, style=dashed"}];`);
  }
  out.push("}");
  return out.join("\n") + "\n";
}
