/**
 * The nodes of one build, in the order they are added, with a Map's semantics (adding an id again
 * replaces its node in place) but no map: each id's End record (GraphCache) says whether it is a
 * node of this build and where.
 */
import type { End, GraphCache } from "./cache";
import type { GraphNode } from "./types";

export class NodeList {
  readonly list: GraphNode[] = [];
  /** Ends of nodes of roles a backendRef moves to the Services' column (see buildGraph's placeBackends). */
  readonly movable: End[] = [];

  constructor(private readonly cache: GraphCache) {}

  /** Whether the id of `end` is a node of this build. */
  has(end: End): boolean {
    return end.build === this.cache.build;
  }

  get(end: End): GraphNode | undefined {
    return end.build === this.cache.build ? this.list[end.index] : undefined;
  }

  /** Add a node (or replace the node of its id, where it is). */
  set(end: End, n: GraphNode): void {
    if (end.build === this.cache.build) this.list[end.index] = n;
    else {
      end.build = this.cache.build;
      end.index = this.list.length;
      this.list.push(n);
    }
    if (n.role === "other" || n.role === "core") this.movable.push(end);
  }
}
