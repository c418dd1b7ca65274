/**
 * The generic edits (set, delete, insert, move, merge) on block, flow, JSON and List documents:
 * each row says exactly which lines go and which come, and what the value reads back as.
 */
import { describe, expect, it } from "vitest";
import { edited, lineDiff, valueAt, commentsOf } from "./testing/helpers";
import { JSON_DOC, LIST_DOC, ROUTE_DOC } from "./testing/fixtures";
import type { Edit, Path, Value } from "./types";

const T = { kind: "HTTPRoute", name: "web" };

interface Row {
  name: string;
  text: string;
  edit: Edit;
  removed: string[];
  added: string[];
  /** The value the edited field reads back as (on the route, unless `kind`/`name` given). */
  value?: [Path, Value | undefined];
  kind?: string;
  resource?: string;
}

const ROWS: Row[] = [
  {
    name: "set a plain scalar keeps its trailing comment",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "rules", 0, "backendRefs", 0, "weight"], value: 75 },
    removed: ["      weight: 90 # stable"],
    added: ["      weight: 75 # stable"],
    value: [["spec", "rules", 0, "backendRefs", 0, "weight"], 75],
  },
  {
    name: "set keeps double and single quotes",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "hostnames", 1], value: "c.example.com" },
    removed: [`  hostnames: ["a.example.com", 'b.example.com']`],
    added: [`  hostnames: ["a.example.com", 'c.example.com']`],
    value: [["spec", "hostnames"], ["a.example.com", "c.example.com"]],
  },
  {
    name: "a string YAML 1.1 reads as a boolean is quoted",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "rules", 0, "x-custom"], value: "on" },
    removed: ["    x-custom: keep"],
    added: [`    x-custom: "on"`],
    value: [["spec", "rules", 0, "x-custom"], "on"],
  },
  {
    name: "a number-like string is quoted",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "rules", 0, "x-custom"], value: "8080" },
    removed: ["    x-custom: keep"],
    added: [`    x-custom: "8080"`],
    value: [["spec", "rules", 0, "x-custom"], "8080"],
  },
  {
    name: "set in a flow mapping",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "rules", 1, "backendRefs", 0, "port"], value: 8081 },
    removed: ["    - {name: v3, port: 80}"],
    added: ["    - {name: v3, port: 8081}"],
  },
  {
    name: "add a key to a flow mapping",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "rules", 1, "backendRefs", 0, "weight"], value: 5 },
    removed: ["    - {name: v3, port: 80}"],
    added: ["    - {name: v3, port: 80, weight: 5}"],
  },
  {
    name: "a new key is placed by the customary order (namespace after name)",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "rules", 0, "backendRefs", 1, "namespace"], value: "canary" },
    removed: [],
    added: ["      namespace: canary"],
    value: [["spec", "rules", 0, "backendRefs", 1, "namespace"], "canary"],
  },
  {
    name: "missing parents are created",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["metadata", "labels", "app"], value: "web" },
    removed: [],
    added: ["  labels:", "    app: web"],
    value: [["metadata", "labels"], { app: "web" }],
  },
  {
    name: "an empty value receives a scalar",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "rules", 1, "empty"], value: "now" },
    removed: ["    empty:"],
    added: ["    empty: now"],
  },
  {
    name: "an empty value receives a mapping",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "rules", 1, "empty", "a"], value: 1 },
    removed: [],
    added: ["      a: 1"],
  },
  {
    name: "a block literal stays a block literal",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "rules", 1, "description"], value: "one\ntwo\nthree\n" },
    removed: ["      first line", "      second line"],
    added: ["      one", "      two", "      three"],
    value: [["spec", "rules", 1, "description"], "one\ntwo\nthree\n"],
  },
  {
    name: "a block literal replaced by a one-line string",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "rules", 1, "description"], value: "short" },
    removed: ["    description: |", "      first line", "      second line"],
    added: ["    description: short"],
  },
  {
    name: "a scalar replaced by a block mapping",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "rules", 0, "x-custom"], value: { a: [1, 2] } },
    removed: ["    x-custom: keep"],
    added: ["    x-custom:", "      a:", "      - 1", "      - 2"],
  },
  {
    name: "a block sequence replaced by a scalar",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "parentRefs"], value: "none" },
    removed: ["  parentRefs:", "  - name: edge", "    namespace: infra"],
    added: ["  parentRefs: none"],
  },
  {
    name: "setting the same value changes nothing",
    text: ROUTE_DOC,
    edit: { op: "set", target: T, path: ["spec", "parentRefs"], value: [{ name: "edge", namespace: "infra" }] },
    removed: [],
    added: [],
  },
  {
    name: "delete a pair keeps the comment of the next item",
    text: ROUTE_DOC,
    edit: { op: "delete", target: T, path: ["spec", "rules", 0, "backendRefs", 0] },
    removed: ["    - name: v1", "      port: 8080", "      weight: 90 # stable"],
    added: [],
  },
  {
    name: "delete the first key of an item: the next key moves up",
    text: ROUTE_DOC,
    edit: { op: "delete", target: T, path: ["spec", "rules", 0, "backendRefs", 1, "name"] },
    removed: ["    - name: v2", "      port: 8080"],
    added: ["    - port: 8080"],
  },
  {
    name: "delete from a flow sequence",
    text: ROUTE_DOC,
    edit: { op: "delete", target: T, path: ["spec", "hostnames", 0] },
    removed: [`  hostnames: ["a.example.com", 'b.example.com']`],
    added: [`  hostnames: ['b.example.com']`],
  },
  {
    name: "delete the last item leaves an empty list",
    text: ROUTE_DOC,
    edit: { op: "delete", target: T, path: ["spec", "parentRefs", 0] },
    removed: ["  parentRefs:", "  - name: edge", "    namespace: infra"],
    added: ["  parentRefs: []"],
  },
  {
    name: "delete something absent changes nothing",
    text: ROUTE_DOC,
    edit: { op: "delete", target: T, path: ["spec", "nothing", 3] },
    removed: [],
    added: [],
  },
  {
    name: "insert in the middle goes above the comments of the item it precedes",
    text: ROUTE_DOC,
    edit: { op: "insert", target: T, path: ["spec", "rules", 0, "backendRefs"], index: 1, value: { name: "v9", port: 1 } },
    removed: [],
    added: ["    - name: v9", "      port: 1"],
    value: [["spec", "rules", 0, "backendRefs", 1, "name"], "v9"],
  },
  {
    name: "insert into a flow sequence",
    text: ROUTE_DOC,
    edit: { op: "insert", target: T, path: ["spec", "hostnames"], value: "*.c.example.com" },
    removed: [`  hostnames: ["a.example.com", 'b.example.com']`],
    added: [`  hostnames: ["a.example.com", 'b.example.com', "*.c.example.com"]`],
  },
  {
    name: "move an item with its comment",
    text: ROUTE_DOC,
    edit: { op: "move", target: T, path: ["spec", "rules", 0, "backendRefs"], from: 1, to: 0 },
    removed: ["    - name: v1", "      port: 8080", "      weight: 90 # stable"],
    added: ["    - name: v1", "      port: 8080", "      weight: 90 # stable"],
    value: [["spec", "rules", 0, "backendRefs", 0, "name"], "v2"],
  },
  {
    name: "merge: null removes, objects merge, scalars replace",
    text: ROUTE_DOC,
    edit: { op: "merge", target: T, path: ["spec", "rules", 0], patch: { "x-custom": null, matches: [{ path: { type: "Exact", value: "/x" } }] } },
    removed: ["        type: PathPrefix", "        value: /api", "    x-custom: keep"],
    added: ["        type: Exact", "        value: /x"],
  },
  {
    name: "JSON: a value is set in JSON",
    text: JSON_DOC,
    edit: { op: "set", target: T, path: ["spec", "hostnames", 0], value: "z.example.com" },
    removed: [`            "a.example.com"`],
    added: [`            "z.example.com"`],
  },
  {
    name: "JSON: a new key is written as JSON, one per line",
    text: JSON_DOC,
    edit: { op: "set", target: T, path: ["metadata", "namespace"], value: "prod" },
    removed: [`        "name": "web"`],
    added: [`        "name": "web",`, `        "namespace": "prod"`],
  },
  {
    name: "JSON: insert an object into a multi-line array",
    text: JSON_DOC,
    edit: { op: "insert", target: T, path: ["spec", "hostnames"], value: "b.example.com" },
    removed: [`            "a.example.com"`],
    added: [`            "a.example.com",`, `            "b.example.com"`],
  },
  {
    name: "List: an item is found and edited",
    text: LIST_DOC,
    edit: { op: "set", target: { kind: "Service", name: "two" }, path: ["spec", "ports", 0, "port"], value: 82 },
    removed: ["    - port: 81"],
    added: ["    - port: 82"],
    kind: "Service",
    resource: "two",
    value: [["spec", "ports", 0, "port"], 82],
  },
  {
    name: "List: deleting a resource removes its item",
    text: LIST_DOC,
    edit: { op: "deleteResource", target: { kind: "Service", name: "one" } },
    // The two items begin alike, so the diff lines them up from their first lines.
    removed: ["    name: one", "  spec:", "    ports:", "    - port: 80", "- apiVersion: v1", "  kind: Service", "  metadata:"],
    added: [],
  },
];

describe("generic edits", () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const after = edited(row.text, row.edit);
      expect(lineDiff(row.text, after)).toEqual({ removed: row.removed, added: row.added });
      if (row.value) expect(valueAt(after, row.kind ?? "HTTPRoute", row.resource ?? "web", row.value[0])).toEqual(row.value[1]);
      if (!row.removed.some((l) => l.includes("#"))) expect(commentsOf(after)).toEqual(commentsOf(row.text));
    });
  }
});
