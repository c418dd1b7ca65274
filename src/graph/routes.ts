/**
 * Route views by key without a hash lookup per route. The controller lists `model.routes` in the
 * order their resources appear in `byKey`, one view per key, and lists each route's relations in
 * route order; walks that follow those orders find the next view with a cursor. A map (what a
 * lookup by key always meant: the last view with the key) answers whenever the orders do not hold.
 */
import type { Model, RouteView } from "../model/model";

/** How far a cursor looks ahead for a key before asking the map. */
const LOOKAHEAD = 16;

export class RouteLookup {
  /** Whether every view pairs, in order, with the `byKey` entry of its key and resource (so keys are distinct). */
  readonly ordered: boolean;
  private map: Map<string, RouteView> | null = null;

  constructor(private readonly model: Model) {
    const views = model.routes;
    let k = 0;
    model.byKey.forEach((r, id) => {
      if (k < views.length && views[k].resource === r && views[k].key === id) k++;
    });
    this.ordered = k === views.length;
  }

  /** The view of a key (last one with it, as a map built in order gives). */
  get(key: string): RouteView | undefined {
    if (this.map === null) {
      this.map = new Map();
      for (const r of this.model.routes) this.map.set(r.key, r);
    }
    return this.map.get(key);
  }

  /** A cursor for a walk that asks for keys in route order. */
  cursor(): RouteCursor {
    return new RouteCursor(this);
  }

  /** The views, for cursors. */
  get views(): readonly RouteView[] {
    return this.model.routes;
  }
}

export class RouteCursor {
  private next = 0;
  /** Position in `model.routes` of the view the last `find` returned; -1 when it came from the map. */
  at = -1;

  constructor(private readonly lookup: RouteLookup) {}

  /** The view with this key (the same answer as `RouteLookup.get`). */
  find(key: string): RouteView | undefined {
    const l = this.lookup;
    this.at = -1;
    if (!l.ordered) return l.get(key);
    const views = l.views;
    // Keys are distinct: the view found ahead is the only one with the key.
    if (this.next > 0 && views[this.next - 1].key === key) {
      this.at = this.next - 1;
      return views[this.at];
    }
    const end = Math.min(views.length, this.next + LOOKAHEAD);
    for (let i = this.next; i < end; i++) {
      if (views[i].key === key) {
        this.next = i + 1;
        this.at = i;
        return views[i];
      }
    }
    return l.get(key);
  }
}
