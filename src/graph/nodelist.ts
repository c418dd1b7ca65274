/**
 * The nodes of one build, in the order they are added, with a Map's semantics (adding an id again
 * replaces its node in place) but no map: each id's End record (GraphCache) says whether it is a
 * node of this build and where.
 */
import type { End, GraphCache } from "./cache";
import type { GraphNode } from "./types";

export class NodeList {
  readonly list: GraphNode[] = [];
  /** Ends of nodes of roles a backendRef moves, that are the target of a backendRef or mirror edge, in edge order. */
  readonly backendTargets: End[] = [];

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
    end.movable = n.role === "other" || n.role === "core" ? this.cache.build : 0;
  }

  /** Note that a backendRef or mirror edge ends at `end` (call after its node is made). */
  backendTarget(end: End): void {
    end.target = this.cache.build;
    if (end.movable === this.cache.build) this.backendTargets.push(end);
  }
}
