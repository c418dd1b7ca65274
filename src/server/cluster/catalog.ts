/**
 * The kinds the proxy lists and watches: every Gateway API kind Switchyard models (both API groups),
 * Services and Namespaces. Secrets are not watched: only those that listeners or policies reference
 * are fetched, as metadata (secrets.ts); ConfigMaps only when a CA reference names them, reduced to
 * their `ca.crt` (the same tracker).
 */
import { KINDS } from "../../model/kinds";

/** A kind we want, with the versions we understand in our order of preference. */
export interface WantedKind {
  group: string;
  kind: string;
  versions: readonly string[];
  namespaced: boolean;
}

/** Kinds read individually (by reference), never listed. */
const NOT_LISTED = new Set(["Secret", "ConfigMap"]);

/** Everything listed and watched. */
export const WATCHED_KINDS: readonly WantedKind[] = KINDS.filter((k) => !(k.group === "" && NOT_LISTED.has(k.kind))).map((k) => ({
  group: k.group,
  kind: k.kind,
  versions: k.versions,
  namespaced: k.namespaced,
}));

/** `group/Kind`, the key of a kind. */
export function kindKey(k: { group: string; kind: string }): string {
  return `${k.group}/${k.kind}`;
}
