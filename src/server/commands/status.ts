/** `switchyard status -f PATH … [--json]`: every resource's computed status. */
import type { Loaded } from "../../index";
import type { Condition, ResourceStatus } from "../../model/status";
import { refKey } from "../../model/ids";
import type { ParsedArgs } from "../args";
import type { Io } from "../io";
import { loadConfig } from "../config";

export const STATUS_HELP = `Usage: switchyard status -f PATH [-f PATH …] [--json]

Print the status a conformant controller would write for every resource: conditions, per-parent
conditions of routes, per-listener conditions and attached routes of Gateways.

Options:
  -f, --file PATH    a file, or a directory (every *.yaml, *.yml, *.json inside); repeatable; - = stdin
  --json             JSON: [{"kind","namespace","name","conditions":[…],"parents":[{"parentRef","parentKind",
                     "controllerName"?,"conditions"}],"listeners":[…],"attachedListenerSets"?,"ancestors"?}]
  -h, --help         this help

Exit status: 0 printed; 2 bad input (unreadable file, invalid YAML).`;

export const STATUS_SPEC = {
  values: { "-f": "file", "--file": "file" },
  repeatable: ["file"],
  flags: { "-h": "help", "--help": "help", "--json": "json" },
};

type Cond = { type: string; status: string; reason: string; message: string };

/** The DESIGN shape of a condition: exactly these four fields. */
function c(x: Condition): Cond {
  return { type: x.type, status: x.status, reason: x.reason, message: x.message };
}

/** One resource's status in the CLI's shape (parents/listeners only where the kind has them). */
export function statusJson(s: ResourceStatus): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: s.kind, namespace: s.namespace, name: s.name, conditions: (s.conditions ?? []).map(c) };
  // parentKind tells a Gateway from a ListenerSet or a mesh Service parent; controllerName is
  // RouteParentStatus.controllerName where the simulated controller knows it.
  if (s.parents) out.parents = s.parents.map((p) => ({ parentRef: p.parentRef, parentKind: p.parentKind, ...(p.controllerName ? { controllerName: p.controllerName } : {}), conditions: p.conditions.map(c) }));
  if (s.listeners) out.listeners = s.listeners.map((l) => ({ name: l.name, attachedRoutes: l.attachedRoutes, supportedKinds: l.supportedKinds, conditions: l.conditions.map(c) }));
  // GatewayStatus.attachedListenerSets (ListenerSet support).
  if (s.attachedListenerSets !== undefined) out.attachedListenerSets = s.attachedListenerSets;
  if (s.ancestors) out.ancestors = s.ancestors.map((p) => ({ ancestorRef: p.parentRef, conditions: p.conditions.map(c) }));
  return out;
}

/** Statuses in input order (each object once). */
export function statuses(loaded: Loaded): ResourceStatus[] {
  const out: ResourceStatus[] = [];
  const seen = new Set<string>();
  for (const r of loaded.model.resources) {
    const key = refKey(r);
    if (seen.has(key)) continue;
    seen.add(key);
    const s = loaded.model.status.get(key);
    if (s) out.push(s);
  }
  return out;
}

function conds(list: Condition[]): string {
  return list.map((x) => `${x.type}=${x.status}${x.status === "True" ? "" : `(${x.reason})`}`).join(" ") || "-";
}

/** A readable listing: one line per object, indented lines per parent and listener. */
export function statusTable(list: ResourceStatus[]): string {
  const lines: string[] = [];
  const width = Math.max(4, ...list.map((s) => `${s.kind} ${s.namespace ? s.namespace + "/" : ""}${s.name}`.length));
  for (const s of list) {
    const id = `${s.kind} ${s.namespace ? s.namespace + "/" : ""}${s.name}`;
    lines.push(`${id.padEnd(width)}  ${conds(s.conditions ?? [])}`);
    for (const l of s.listeners ?? []) lines.push(`  listener ${l.name} (${l.attachedRoutes} route${l.attachedRoutes === 1 ? "" : "s"}): ${conds(l.conditions)}`);
    if (s.attachedListenerSets !== undefined) lines.push(`  attached ListenerSets: ${s.attachedListenerSets}`);
    for (const p of s.parents ?? []) lines.push(`  parent ${p.parentKind && p.parentKind !== "Gateway" ? `${p.parentKind} ` : ""}${p.parentRef}: ${conds(p.conditions)}`);
    for (const p of s.ancestors ?? []) lines.push(`  ancestor ${p.parentRef}: ${conds(p.conditions)}`);
  }
  return lines.length ? lines.join("\n") + "\n" : "no Gateway API resources found\n";
}

export function runStatus(args: ParsedArgs, io: Io): number {
  const loaded = loadConfig(args.values.get("file") ?? [], io, true);
  if (typeof loaded === "number") return loaded;
  const list = statuses(loaded);
  if (args.flags.has("json")) io.out(JSON.stringify(list.map(statusJson), null, 2) + "\n");
  else io.out(statusTable(list));
  return 0;
}
