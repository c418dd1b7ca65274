/** The parser on the shapes real input takes: table rows of {text, resources, diagnostics}. */
import { describe, expect, it } from "vitest";
import { parse, ParseCache, locate } from "./index";
import { refKey } from "../model/ids";

const svc = (name: string, extra = "") => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${extra}`;

interface Row {
  name: string;
  text: string;
  /** `Kind/ns/name` of every resource, in order. */
  resources: string[];
  /** `line:column severity code` of every diagnostic, in order. */
  diagnostics: string[];
}

const ROWS: Row[] = [
  { name: "one object", text: svc("a"), resources: ["Service/default/a"], diagnostics: [] },
  { name: "multi-document YAML", text: `${svc("a")}---\n${svc("b")}---\n${svc("c", "  namespace: x\n")}`, resources: ["Service/default/a", "Service/default/b", "Service/x/c"], diagnostics: [] },
  { name: "leading ---, empty documents and bare ---", text: `---\n---\n\n---\n${svc("a")}---\n...\n---\n`, resources: ["Service/default/a"], diagnostics: [] },
  { name: "empty input", text: "", resources: [], diagnostics: [] },
  { name: "only comments", text: "# nothing here\n---\n# still nothing\n", resources: [], diagnostics: [] },
  { name: "comments everywhere", text: "# head\napiVersion: v1 # trailing\nkind: Service\n# between\nmetadata:\n  # inside\n  name: a # here\n", resources: ["Service/default/a"], diagnostics: [] },
  { name: "JSON object", text: '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "j"}}', resources: ["Service/default/j"], diagnostics: [] },
  { name: "JSON array of objects", text: '[{"apiVersion":"v1","kind":"Service","metadata":{"name":"a"}},\n {"apiVersion":"v1","kind":"Service","metadata":{"name":"b"}}]', resources: ["Service/default/a", "Service/default/b"], diagnostics: [] },
  {
    name: "kind: List (YAML)",
    text: "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- apiVersion: gateway.networking.k8s.io/v1\n  kind: GatewayClass\n  metadata: {name: c}\n  spec: {controllerName: x.io/y}\n",
    resources: ["Service/default/a", "GatewayClass/c"],
    diagnostics: [],
  },
  {
    name: "kind: List (JSON), ServiceList",
    text: '{"apiVersion":"v1","kind":"ServiceList","items":[{"apiVersion":"v1","kind":"Service","metadata":{"name":"a","namespace":"n"}}]}',
    resources: ["Service/n/a"],
    diagnostics: [],
  },
  { name: "YAML syntax error: line and column", text: `${svc("a")}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  labels: {a: 1\n`, resources: ["Service/default/a"], diagnostics: ["11:1 error yaml-syntax"] },
  { name: "tab indentation", text: "apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n", resources: [], diagnostics: ["4:1 error yaml-syntax"] },
  // The `yaml` package reports an unterminated quote where the input ends.
  { name: "unterminated quote", text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "x\n', resources: [], diagnostics: ["5:1 error yaml-syntax"] },
  { name: "duplicate key: reported, the object still read", text: svc("a", "  name: b\n"), resources: ["Service/default/b"], diagnostics: ["5:3 error duplicate-key"] },
  {
    name: "schema violation at the field",
    text: "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  rules:\n  - matches:\n    - path:\n        type: Bogus\n        value: /x\n",
    resources: ["HTTPRoute/default/r"],
    diagnostics: ["9:15 error schema"],
  },
  {
    name: "schema violation: a wrong type",
    text: "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: g\nspec:\n  gatewayClassName: c\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n    allowedRoutes:\n      namespaces: {from: Everywhere}\n",
    resources: ["Gateway/default/g"],
    diagnostics: ["12:26 error schema"],
  },
  {
    name: "schema violation in JSON",
    text: '{"apiVersion":"gateway.networking.k8s.io/v1","kind":"Gateway","metadata":{"name":"g"},\n "spec":{"gatewayClassName":"c","listeners":[{"name":"h","port":"eighty","protocol":"HTTP"}]}}',
    resources: ["Gateway/default/g"],
    diagnostics: ["2:65 error schema"],
  },
  { name: "duplicate objects", text: `${svc("a")}---\n${svc("a")}`, resources: ["Service/default/a", "Service/default/a"], diagnostics: ["9:9 error duplicate-object"] },
  { name: "same name, other namespace: not a duplicate", text: `${svc("a")}---\n${svc("a", "  namespace: other\n")}`, resources: ["Service/default/a", "Service/other/a"], diagnostics: [] },
  { name: "unknown kind kept, info", text: "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n", resources: ["Widget/default/w"], diagnostics: ["2:7 info unknown-kind"] },
  { name: "unknown apiVersion of a known kind", text: "apiVersion: gateway.networking.k8s.io/v9\nkind: Gateway\nmetadata:\n  name: g\n", resources: ["Gateway/default/g"], diagnostics: ["1:13 warning unknown-version"] },
  // The API server prunes null fields before validation: `uid: null` or an empty value is no error.
  { name: "null fields are not schema errors", text: svc("a", "  uid: null\n  labels: ~\nspec:\n  clusterIP:\n  ports:\n  - {port: 80, name: null}\n"), resources: ["Service/default/a"], diagnostics: [] },
  { name: "older served version accepted", text: "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec: {}\n", resources: ["HTTPRoute/default/r"], diagnostics: [] },
  { name: "missing kind", text: "apiVersion: v1\nmetadata:\n  name: x\n", resources: [], diagnostics: ["1:1 error missing-field"] },
  { name: "missing name", text: "---\nkind: Service\napiVersion: v1\nmetadata: {}\n", resources: [], diagnostics: ["2:1 error missing-field"] },
  { name: "generateName stands in for name", text: "apiVersion: v1\nkind: Service\nmetadata:\n  generateName: web-\n", resources: ["Service/default/web-<generated>"], diagnostics: [] },
  { name: "not an object", text: "just a string\n---\n- 1\n- 2\n", resources: [], diagnostics: ["1:1 error not-an-object", "3:3 error not-an-object", "4:3 error not-an-object"] },
  { name: "anchors and aliases resolve", text: "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  labels: &l {app: x}\n  annotations: *l\n", resources: ["Service/default/s"], diagnostics: [] },
  { name: "merge key is not special in the core schema", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  <<: x\n", resources: ["ConfigMap/default/m"], diagnostics: [] },
  { name: "--- inside an indented block scalar is text", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  x: |\n    ---\n    y\n", resources: ["ConfigMap/default/c"], diagnostics: [] },
  { name: "--- followed by text on its line starts a document", text: `${svc("a")}--- # next\n${svc("b")}`, resources: ["Service/default/a", "Service/default/b"], diagnostics: [] },
  { name: "----- is not a marker", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  x: |\n    a\n-----\n", resources: [], diagnostics: ["8:1 error yaml-syntax"] },
  { name: "CRLF line ends", text: "apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: a\r\n---\r\napiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: b\r\n", resources: ["Service/default/a", "Service/default/b"], diagnostics: [] },
];

describe("parse", () => {
  it.each(ROWS)("$name", ({ text, resources, diagnostics }) => {
    const r = parse({ name: "t.yaml", text });
    expect(r.resources.map(refKey)).toEqual(resources);
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(diagnostics);
    for (const d of r.diagnostics) {
      expect(d.file).toBe("t.yaml");
      expect(d.message.length).toBeGreaterThan(5);
      expect(d.endLine * 1e6 + d.endColumn).toBeGreaterThanOrEqual(d.line * 1e6 + d.column);
    }
  });

  it("keeps raw values: the block scalar with a --- line", () => {
    const r = parse(ROWS.find((x) => x.name.startsWith("--- inside"))!.text);
    expect(r.resources[0].obj.data.x).toBe("---\ny\n");
  });

  it("resolves aliases to the anchored value", () => {
    const r = parse(ROWS.find((x) => x.name === "anchors and aliases resolve")!.text);
    expect(r.resources[0].metadata.annotations).toEqual({ app: "x" });
  });

  it("reads YAML 1.2 core scalars as Kubernetes does (no sexagesimal, no timestamps, yes/no are strings)", () => {
    const r = parse(svc("a", "  annotations:\n    a: 1:30\n    b: 2024-01-01\n    c: yes\n    d: 0o17\n    e: 0x1F\n"));
    expect(r.resources[0].metadata.annotations).toEqual({ a: "1:30", b: "2024-01-01", c: "yes", d: 15, e: 31 });
  });

  it("gives the effective namespace and remembers the written one", () => {
    const [a, b] = parse(`${svc("a")}---\napiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: c\n  namespace: ignored\nspec: {controllerName: a.b/c}\n`).resources;
    expect([a.namespace, a.namespaceAsWritten, b.namespace, b.namespaceAsWritten]).toEqual(["default", "", "", "ignored"]);
  });

  it("places resources in their files and documents", () => {
    const r = parse([
      { name: "a.yaml", text: `${svc("a")}---\n${svc("b")}` },
      { name: "b.json", text: '{"apiVersion":"v1","kind":"Service","metadata":{"name":"c"}}' },
    ]);
    expect(r.resources.map((x) => [x.source.file, x.source.docIndex, x.source.offset])).toEqual([
      ["a.yaml", 0, 0],
      ["a.yaml", 1, svc("a").length],
      ["b.json", 0, 0],
    ]);
    expect([...r.lines.keys()]).toEqual(["a.yaml", "b.json"]);
  });
});

describe("schema messages say what is wrong", () => {
  const gw = (listener: string, extra = "") => `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g${extra}}\nspec:\n  gatewayClassName: c\n  listeners:\n  - ${listener}\n`;
  it.each([
    { text: gw("{name: http, port: 80, protocol: HTTP}", ", annotations: {a: 1}"), message: "Gateway g: metadata.annotations.a: must be a string" },
    { text: gw('{name: "", port: 80, protocol: HTTP}'), message: "Gateway g: spec.listeners.0.name: must be at least 1 character long" },
    { text: gw("{name: http, port: 99999, protocol: HTTP}"), message: "Gateway g: spec.listeners.0.port: must be <= 65535" },
    { text: gw("{name: http, port: 80}"), message: 'Gateway g: spec.listeners.0: missing required field "protocol"' },
    { text: 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {a: "%%%"}\n', message: "Secret s: data.a: must be base64-encoded" },
  ])("$message", ({ text, message }) => {
    expect(parse(text).diagnostics.map((d) => d.message)).toContain(message);
  });
});

describe("locate", () => {
  const text = `${svc("x")}---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  rules:\n  - matches:\n    - path: {type: Exact, value: /a}\n    backendRefs:\n    - name: s\n      port: 80\n`;
  const r = parse({ name: "f.yaml", text });
  const route = r.resources[1];
  it.each([
    { path: ["spec", "rules", 0, "matches", 0, "path", "value"], onKey: false, expect: "f.yaml:13:34-13:36" },
    { path: ["spec", "rules", 0, "backendRefs", 0, "port"], onKey: false, expect: "f.yaml:16:13-16:15" },
    { path: ["spec", "rules", 0, "backendRefs", 0, "port"], onKey: true, expect: "f.yaml:16:7-16:11" },
    { path: ["metadata", "name"], onKey: false, expect: "f.yaml:9:9-9:10" },
    // A missing field points at its nearest existing ancestor.
    { path: ["spec", "rules", 0, "filters", 0], onKey: false, expect: "f.yaml:12:5-16:15" },
  ])("$path", ({ path, onKey, expect: want }) => {
    const l = locate(route, path, r.lines, onKey);
    expect(`${l.file}:${l.line}:${l.column}-${l.endLine}:${l.endColumn}`).toBe(want);
  });
});

describe("hostile input", () => {
  const bomb = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    .map((k, i, all) => `${k}: &${k} [${Array(9).fill(i === 0 ? '"lol"' : `*${all[i - 1]}`).join(",")}]`)
    .join("\n");
  it.each([
    { name: "billion laughs", text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  ${bomb.replace(/\n/g, "\n  ")}\n`, code: "alias-limit", at: "6:10" },
    { name: "deep flow nesting", text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: ${"[".repeat(20000)}${"]".repeat(20000)}\n`, code: "too-deep", at: "1:1" },
    { name: "deep block nesting", text: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n" + Array.from({ length: 100 }, (_, i) => " ".repeat(i + 1) + "k:").join("\n") + " 1\n", code: "too-deep", at: "68:65" },
  ])("$name: no crash, one clear error", ({ text, code, at }) => {
    const started = Date.now();
    const r = parse({ name: "h.yaml", text });
    // Generous: the machine may be busy; an exponential blow-up would take far longer.
    expect(Date.now() - started).toBeLessThan(15000);
    expect(r.resources).toEqual([]);
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([`${at} ${code}`]);
    expect(r.diagnostics[0].message).toMatch(code === "alias-limit" ? /alias/ : /nested more than 64 levels/);
  });

  it("refuses a document above the size limit, and input above the total limit", () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: "${"x".repeat(33 * 1024 * 1024)}"\n`;
    const one = parse({ name: "big.yaml", text: big });
    expect(one.diagnostics.map((d) => d.code)).toEqual(["too-large"]);
    // Eight names for the same 33 MB string: over the 256 MB total, at no memory cost.
    const many = parse(Array.from({ length: 8 }, (_, i) => ({ name: `big${i}.yaml`, text: big })));
    expect(many.diagnostics.map((d) => `${d.file} ${d.code}`).slice(-2)).toEqual(["big6.yaml too-large", "big7.yaml too-large"]);
    expect(many.diagnostics.at(-1)!.message).toMatch(/input is larger than/);
  });

  it.each([
    { name: "NUL bytes", text: "apiVersion: v1\u0000\nkind: x" },
    { name: "lone surrogate", text: "apiVersion: v1\nkind: Service\nmetadata: {name: \"\ud800\"}\n" },
    { name: "only a marker without newline", text: "---" },
    { name: "document end marker only", text: "..." },
    { name: "directive", text: "%YAML 1.2\n---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\n" },
    { name: "tags", text: "apiVersion: !!str v1\nkind: !custom Service\nmetadata: !!map {name: a}\n" },
    { name: "complex key", text: "? [a, b]\n: c\n" },
    { name: "numeric keys", text: "1: a\n2: b\n" },
    { name: "__proto__ key", text: "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  __proto__: {polluted: true}\n" },
  ])("$name: never throws", ({ text }) => {
    const r = parse(text);
    expect(Array.isArray(r.resources)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("ParseCache: incremental re-parse", () => {
  const docs = Array.from({ length: 20 }, (_, i) => svc(`s${i}`, `  labels: {i: "${i}"}\n`));
  const original = docs.join("---\n");
  const strip = (r: ReturnType<typeof parse>) => ({ resources: r.resources.map((x) => ({ ...x, source: { ...x.source, tree: x.source.tree } })), diagnostics: r.diagnostics });

  it.each([
    { name: "edit one document in the middle", edit: (d: string[]) => d.map((x, i) => (i === 7 ? x.replace('i: "7"', 'i: "seven"') : x)), misses: 1 },
    { name: "edit the first document", edit: (d: string[]) => d.map((x, i) => (i === 0 ? x.replace("s0", "first") : x)), misses: 1 },
    { name: "append a document", edit: (d: string[]) => [...d, svc("new")], misses: 1 },
    { name: "delete a document", edit: (d: string[]) => d.filter((_, i) => i !== 3), misses: 0 },
    { name: "break one document", edit: (d: string[]) => d.map((x, i) => (i === 12 ? x + "  bad: [\n" : x)), misses: 1 },
    { name: "nothing changed", edit: (d: string[]) => d, misses: 0 },
  ])("$name", ({ edit, misses }) => {
    const cache = new ParseCache();
    parse({ name: "f.yaml", text: original }, cache);
    expect(cache.lastMisses).toBe(20);
    const text = edit(docs).join("---\n");
    const incremental = parse({ name: "f.yaml", text }, cache);
    expect(cache.lastMisses).toBe(misses);
    expect(strip(incremental)).toEqual(strip(parse({ name: "f.yaml", text })));
  });

  it("places moved documents at their new offsets", () => {
    const cache = new ParseCache();
    parse({ name: "f.yaml", text: original }, cache);
    const text = `# a comment line at the top\n${original}`;
    const r = parse({ name: "f.yaml", text }, cache);
    const fresh = parse({ name: "f.yaml", text });
    expect(r.resources.map((x) => x.source.offset)).toEqual(fresh.resources.map((x) => x.source.offset));
    expect(locate(r.resources[5], ["metadata", "name"], r.lines)).toEqual(locate(fresh.resources[5], ["metadata", "name"], fresh.lines));
  });
});

describe("JSON streams and error floods", () => {
  const obj = (name: string) => `{\n  "apiVersion": "v1",\n  "kind": "Service",\n  "metadata": {"name": "${name}", "annotations": {"x": "}{\\"]"}}\n}`;
  it.each([
    { name: "concatenated objects, one per line", text: `${obj("a")}\n${obj("b")}\n`, resources: ["Service/default/a", "Service/default/b"] },
    { name: "objects back to back", text: `${obj("a")}${obj("b")}${obj("c")}`, resources: ["Service/default/a", "Service/default/b", "Service/default/c"] },
    { name: "one array", text: `[${obj("a")}, ${obj("b")}]`, resources: ["Service/default/a", "Service/default/b"] },
  ])("$name", ({ text, resources }) => {
    const r = parse({ name: "s.json", text });
    expect(r.resources.map(refKey)).toEqual(resources);
    expect(r.diagnostics).toEqual([]);
    // Positions stay exact in the second value.
    if (resources.length > 1) {
      const l = locate(r.resources[1], ["metadata", "name"], r.lines);
      expect(text.split("\n")[l.line - 1].slice(l.column - 1, l.endColumn - 1)).toBe('"b"');
    }
  });

  it("a broken value in a stream is reported in its place, the others read", () => {
    const text = `${obj("a")}\n{\n  "apiVersion": "v1"\n  "kind": "Service",\n  "metadata": {"name": "b"}\n}\n${obj("c")}\n`;
    const r = parse({ name: "s.json", text });
    expect(r.resources.map(refKey)).toEqual(["Service/default/a", "Service/default/c"]);
    expect(r.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(["8 yaml-syntax"]);
  });

  it("caps the errors of one document", () => {
    const text = "a: [\n" + "{ ] }\n".repeat(500);
    const r = parse(text);
    expect(r.diagnostics.length).toBeLessThanOrEqual(21);
    expect(r.diagnostics.at(-1)!.message).toMatch(/more YAML errors in this document/);
  });
});
