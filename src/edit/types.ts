/**
 * The shapes of structured edits. An edit names a resource ({@link Target}) and says what to change;
 * `applyEdit(text, edit)` turns it into new text in which only the edited nodes differ.
 */
import type { PathSegment } from "../model/source";
import type { Resource } from "../model/resource";

/**
 * Which resource an edit applies to. `namespace` is the effective one (`"default"` when the YAML
 * omits it; ignored for cluster-scoped kinds); leave it out to take the first object of that kind and
 * name. `doc` and `offset` are hints (a {@link Resource}'s `source.docIndex` and `source.offset`):
 * with them the document is found without scanning the text; they are checked, never trusted.
 */
export interface Target {
  kind: string;
  name: string;
  namespace?: string;
  doc?: number;
  offset?: number;
}

/** A path inside a resource, from its root: `["spec", "rules", 0, "backendRefs", 1, "weight"]`. */
export type Path = PathSegment[];

/** A plain data value (what JSON can hold). */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** A JSON merge patch (RFC 7386): `null` removes a key, objects merge, anything else replaces. */
export type MergePatch = { [key: string]: Value | MergePatch | undefined };

/** An object reference as Gateway API writes it (group, kind and namespace optional). */
export interface RefInput {
  name: string;
  namespace?: string;
  group?: string;
  kind?: string;
}

/** A parentRef to add. */
export interface ParentRefInput extends RefInput {
  sectionName?: string;
  port?: number;
}

/** A backendRef to add. */
export interface BackendInput extends RefInput {
  port?: number;
  weight?: number;
}

/** A listener to add; missing fields get defaults (a unique name, port 80, protocol HTTP). */
export interface ListenerInput {
  name?: string;
  port?: number;
  protocol?: string;
  hostname?: string;
  tls?: { [key: string]: Value };
  allowedRoutes?: { [key: string]: Value };
  [other: string]: Value | undefined;
}

/**
 * Changes to a listener. `null` removes a field. `tlsMode` and `certificateRefs` write into `tls`;
 * `allowedNamespaces` and `allowedKinds` into `allowedRoutes`. Renaming a listener also renames the
 * `sectionName` of parentRefs that point at it.
 */
export interface ListenerChanges {
  name?: string;
  port?: number;
  protocol?: string;
  hostname?: string | null;
  tlsMode?: "Terminate" | "Passthrough" | null;
  certificateRefs?: RefInput[] | null;
  tls?: { [key: string]: Value } | null;
  /** `{from: "All"|"Same"|"Selector", selector?: {matchLabels…}}`; null removes it. */
  allowedNamespaces?: { from?: string; selector?: { [key: string]: Value } | null } | null;
  /** `[{group?, kind}]`; null removes it. */
  allowedKinds?: { group?: string; kind: string }[] | null;
}

/** Gateway-level client certificate validation (`spec.tls.frontend`), for every HTTPS port or one. */
export interface FrontendValidationInput {
  caCertificateRefs: RefInput[];
  mode?: "AllowValidOnly" | "AllowInsecureFallback";
}

/** A filter: its `type` plus its configuration under the type's field (defaults filled in when missing). */
export interface FilterInput {
  type: "RequestHeaderModifier" | "ResponseHeaderModifier" | "RequestRedirect" | "URLRewrite" | "RequestMirror" | "CORS" | "ExtensionRef" | (string & {});
  [field: string]: Value | undefined;
}

/** A new resource; `spec` defaults to a sensible one for the kind (see defaults.ts). */
export interface NewResource {
  kind: string;
  name: string;
  namespace?: string;
  apiVersion?: string;
  labels?: Record<string, string>;
  spec?: { [key: string]: Value };
  /** Other top-level fields (`data`, `type`…). */
  extra?: { [key: string]: Value };
  /** For routes: the Gateway to attach to (default `{name: "gateway"}`). */
  parent?: ParentRefInput;
  /** For routes and policies: the Service to send to (default `{name: <route name>, port: 80}`). */
  backend?: BackendInput;
  /** For Gateways: the GatewayClass (default `"gateway-class"`). */
  gatewayClassName?: string;
}

interface On {
  target: Target;
}
/** Where a filter lives: a rule's filters, or a backendRef's filters when `backend` is given. */
interface FilterAt extends On {
  rule: number;
  backend?: number;
}

/**
 * A structured edit. The generic operations (`set`, `delete`, `insert`, `move`, `merge`) reach any
 * field; the named ones carry the logic a field-level change would miss (defaults, unique names,
 * references across documents, spec constraints). A rename follows references within the text it
 * is applied to; in a workspace of several files, apply it to the file that holds the object and
 * with `referencesOnly` to the others.
 */
export type Edit =
  | ({ op: "set"; path: Path; value: Value } & On)
  | ({ op: "delete"; path: Path } & On)
  | ({ op: "insert"; path: Path; index?: number; value: Value } & On)
  | ({ op: "move"; path: Path; from: number; to: number } & On)
  | ({ op: "merge"; path: Path; patch: MergePatch } & On)
  | { op: "batch"; edits: Edit[] }
  | { op: "createResource"; resource: NewResource }
  | ({ op: "deleteResource" } & On)
  | ({ op: "rename"; newName: string; referencesOnly?: boolean } & On)
  | ({ op: "addListener"; listener?: ListenerInput; index?: number } & On)
  | ({ op: "updateListener"; listener: string; changes: ListenerChanges } & On)
  | ({ op: "removeListener"; listener: string } & On)
  | ({ op: "moveListener"; listener: string; to: number } & On)
  | ({ op: "setFrontendValidation"; port?: number; validation: FrontendValidationInput | null } & On)
  | ({ op: "setHostnames"; hostnames: string[] } & On)
  | ({ op: "addRule"; rule?: { [key: string]: Value }; index?: number } & On)
  | ({ op: "updateRule"; rule: number; patch: MergePatch } & On)
  | ({ op: "removeRule"; rule: number } & On)
  | ({ op: "moveRule"; from: number; to: number } & On)
  | ({ op: "addMatch"; rule: number; match?: { [key: string]: Value }; index?: number } & On)
  | ({ op: "updateMatch"; rule: number; match: number; patch: MergePatch } & On)
  | ({ op: "removeMatch"; rule: number; match: number } & On)
  | ({ op: "addFilter"; filter: FilterInput; index?: number } & FilterAt)
  | ({ op: "updateFilter"; filter: number; patch: MergePatch } & FilterAt)
  | ({ op: "removeFilter"; filter: number } & FilterAt)
  | ({ op: "addBackend"; rule: number; backend: BackendInput; index?: number } & On)
  | ({ op: "updateBackend"; rule: number; backend: number; patch: MergePatch } & On)
  | ({ op: "removeBackend"; rule: number; backend: number } & On)
  | ({ op: "setWeights"; rule: number; weights: number[] } & On)
  | ({ op: "addParentRef"; parentRef: ParentRefInput } & On)
  | ({ op: "updateParentRef"; index: number; patch: MergePatch } & On)
  | ({ op: "removeParentRef"; index: number } & On);

/** The operation names. */
export type EditOp = Edit["op"];

/** A span of the new text that differs from the old one (`from === to`: something was removed there). */
export interface Changed {
  from: number;
  to: number;
}

/**
 * What the caller already knows about the text. `resources` is `parse(text).resources` for this very
 * text (one file): edits that look at every document (renames) then read objects and positions from
 * it instead of parsing each document, and check each position against the text before using it.
 */
export interface EditContext {
  resources?: readonly Resource[];
}

/**
 * A replacement of the old text's `[from, to)` by `text`. Patches are sorted and never overlap;
 * applied to the old text they give the new one — an editor can apply them as edit operations
 * (keeping its undo stack and cursor) instead of replacing the whole text.
 */
export interface Patch {
  from: number;
  to: number;
  text: string;
}

/**
 * The result of {@link applyEdit}: the new text, where it changed (`changed`, new text's offsets) and
 * how to get there from the old text (`patches`, old text's offsets); or why nothing could be done.
 */
export type EditResult = { ok: true; text: string; changed: Changed[]; patches: Patch[] } | { ok: false; error: string };

/** A failure an edit reports (caught by applyEdit; never escapes it). */
export class EditError extends Error {}
