/** Gateway (and ListenerSet) listeners, and the Gateway's frontend TLS validation. */
import type { Session } from "../session";
import type { DocEditor } from "../doc";
import { deleteAt, insertAt, moveAt, setAt } from "../primitives";
import { mergeAt } from "../merge";
import { compact } from "../defaults";
import { editorOf } from "./common";
import { renameSectionRefs } from "./rename";
import { EditError, type FrontendValidationInput, type ListenerChanges, type ListenerInput, type MergePatch, type Path, type Target, type Value } from "../types";

const LISTENER_KINDS = ["Gateway", "ListenerSet", "XListenerSet"];

function listeners(ed: DocEditor): { name?: unknown; protocol?: unknown; tls?: { mode?: unknown } }[] {
  const l = ed.get(["spec", "listeners"]);
  return Array.isArray(l) ? l : [];
}

function indexOf(ed: DocEditor, name: string): number {
  const i = listeners(ed).findIndex((l) => l?.name === name);
  if (i === -1) throw new EditError(`listener ${name} does not exist`);
  return i;
}

/** Default port of a protocol (HTTPS and TLS 443, everything else 80). */
function defaultPort(protocol: string): number {
  return protocol === "HTTPS" || protocol === "TLS" ? 443 : 80;
}

/**
 * The TLS block a protocol needs when none is given (Listener CEL rules: "tls mode must be Terminate
 * for protocol HTTPS", "tls mode must be set for protocol TLS", "certificateRefs or options must be
 * specified when mode is Terminate"). The certificate is a placeholder Secret named after the listener.
 */
function defaultTls(protocol: string, name: string): { [k: string]: Value } | undefined {
  if (protocol === "HTTPS") return { mode: "Terminate", certificateRefs: [{ kind: "Secret", name: `${name}-tls` }] };
  if (protocol === "TLS") return { mode: "Passthrough" };
  return undefined;
}

/** Add a listener: a unique name, the protocol's port and the TLS block it needs, unless given. */
export function addListener(s: Session, target: Target, l: ListenerInput, index?: number): void {
  const { ed } = editorOf(s, target, LISTENER_KINDS, "addListener");
  const taken = new Set(listeners(ed).map((x) => x?.name));
  const protocol = l.protocol ?? "HTTP";
  let name = l.name;
  if (!name) {
    const stem = protocol.toLowerCase();
    name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
  } else if (taken.has(name)) throw new EditError(`listener ${name} already exists (Listener names must be unique within the Gateway)`);
  const value = compact({ name, hostname: l.hostname, port: l.port ?? defaultPort(protocol), protocol, tls: l.tls ?? defaultTls(protocol, name), allowedRoutes: l.allowedRoutes });
  for (const [k, v] of Object.entries(l)) if (!(k in value) && v !== undefined) value[k] = v;
  insertAt(ed, ["spec", "listeners"], value, index);
}

/** The merge patch a set of listener changes amounts to (protocol changes carry their spec constraints along). */
function listenerPatch(cur: { name?: unknown; protocol?: unknown; tls?: { mode?: unknown } }, c: ListenerChanges): MergePatch {
  const p: MergePatch = compact({ name: c.name, port: c.port, protocol: c.protocol, hostname: c.hostname });
  let tls: MergePatch | null | undefined = c.tls === null ? null : c.tls ? { ...c.tls } : undefined;
  const tlsField = (k: string, v: Value) => {
    if (tls === null) return;
    tls = { ...tls, [k]: v };
  };
  if (c.tlsMode !== undefined) tlsField("mode", c.tlsMode);
  if (c.certificateRefs !== undefined) tlsField("certificateRefs", c.certificateRefs === null ? null : c.certificateRefs.map((r) => compact(r)));
  const protocol = c.protocol ?? cur.protocol;
  if (c.protocol !== undefined && c.protocol !== cur.protocol) {
    // "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"; "hostname must not be specified for protocols ['TCP', 'UDP']".
    if (["HTTP", "TCP", "UDP"].includes(c.protocol)) tls = cur.tls !== undefined ? null : undefined;
    if (["TCP", "UDP"].includes(c.protocol) && c.hostname === undefined) p.hostname = null;
    if (tls !== null && !cur.tls && tls === undefined) tls = defaultTls(c.protocol, String(c.name ?? cur.name));
    if (protocol === "HTTPS" && cur.tls?.mode === "Passthrough" && c.tlsMode === undefined) tlsField("mode", "Terminate");
    if (protocol === "TLS" && cur.tls && !cur.tls.mode && c.tlsMode === undefined) tlsField("mode", "Passthrough");
  }
  if (tls !== undefined) p.tls = tls;
  if (c.allowedNamespaces !== undefined || c.allowedKinds !== undefined) {
    const ar: MergePatch = {};
    if (c.allowedNamespaces === null) ar.namespaces = null;
    else if (c.allowedNamespaces) {
      const ns: MergePatch = compact(c.allowedNamespaces);
      // AllowedRoutes.namespaces.selector "must be specified when From is set to Selector"; ignored otherwise, so it goes.
      if (ns.from !== undefined && ns.from !== "Selector" && ns.selector === undefined) ns.selector = null;
      ar.namespaces = ns;
    }
    if (c.allowedKinds !== undefined) ar.kinds = c.allowedKinds === null ? null : c.allowedKinds.map((k) => compact(k));
    p.allowedRoutes = ar;
  }
  return p;
}

/** Change a listener; a new name is followed by the parentRefs and targetRefs that name it. */
export function updateListener(s: Session, target: Target, name: string, c: ListenerChanges): void {
  const { ed, kind } = editorOf(s, target, LISTENER_KINDS, "updateListener");
  const i = indexOf(ed, name);
  const cur = listeners(ed)[i];
  if (c.name !== undefined && c.name !== name && listeners(ed).some((l) => l?.name === c.name)) throw new EditError(`listener ${c.name} already exists (Listener names must be unique within the Gateway)`);
  const path: Path = ["spec", "listeners", i];
  mergeAt(ed, path, listenerPatch(cur, c));
  if (c.name !== undefined && c.name !== name) {
    const ns = String((ed.get(["metadata", "namespace"]) as string | undefined) || "default");
    renameSectionRefs(s, { kind, name: String(ed.get(["metadata", "name"])), namespace: ns }, name, c.name);
  }
}

/** Remove a listener (routes attached to it are left as they are: their status will say so). */
export function removeListener(s: Session, target: Target, name: string): void {
  const { ed } = editorOf(s, target, LISTENER_KINDS, "removeListener");
  deleteAt(ed, ["spec", "listeners", indexOf(ed, name)]);
}

/** Move a listener to position `to` (its comments move along). */
export function moveListener(s: Session, target: Target, name: string, to: number): void {
  const { ed } = editorOf(s, target, LISTENER_KINDS, "moveListener");
  moveAt(ed, ["spec", "listeners"], indexOf(ed, name), to);
}

/** Remove `path` and then each parent that is left empty, up to (not including) `stop` segments. */
function deletePruning(ed: DocEditor, path: Path, stop: number): void {
  deleteAt(ed, path);
  for (let n = path.length - 1; n > stop; n--) {
    const v = ed.get(path.slice(0, n));
    if (v && typeof v === "object" && Object.keys(v).length === 0) deleteAt(ed, path.slice(0, n));
    else break;
  }
}

/**
 * Client certificate validation (GatewayTLSConfig.frontend): `default` for every HTTPS listener, or
 * `perPort` for one port ("per-port configuration ... overrides the default"). null removes it.
 */
export function setFrontendValidation(s: Session, target: Target, v: FrontendValidationInput | null, port?: number): void {
  const { ed } = editorOf(s, target, ["Gateway"], "setFrontendValidation");
  const value = v && compact({ caCertificateRefs: v.caCertificateRefs.map((r) => compact({ group: r.group ?? "", kind: r.kind ?? "ConfigMap", name: r.name, namespace: r.namespace })), mode: v.mode });
  if (port === undefined) {
    const path = ["spec", "tls", "frontend", "default", "validation"];
    if (value) setAt(ed, path, value);
    else deletePruning(ed, path, 1);
    return;
  }
  const per = ed.get(["spec", "tls", "frontend", "perPort"]);
  const i = Array.isArray(per) ? per.findIndex((e) => (e as { port?: unknown } | null)?.port === port) : -1;
  if (!value) {
    if (i !== -1) deletePruning(ed, ["spec", "tls", "frontend", "perPort", i], 1);
    return;
  }
  if (i === -1) insertAt(ed, ["spec", "tls", "frontend", "perPort"], { port, tls: { validation: value } });
  else setAt(ed, ["spec", "tls", "frontend", "perPort", i, "tls", "validation"], value);
}
