/**
 * Every real-world file of the shared corpus (and the upstream examples) goes through the whole
 * engine — parse, simulate, buildGraph and a few requests per Gateway — without an exception, and
 * every error it reports is explained: a code, a message and a place inside the file.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { load, match, buildGraph } from "./index";
import { splitDocuments } from "./parse/split";
import type { Diagnostic } from "./model/diagnostic";
import type { Model } from "./model/model";
import type { SimRequest, Protocol } from "./model/request";
import { SHARED_DIR } from "./testing/conformance";

const DIRS = [join(SHARED_DIR, "corpus", "gateway"), join(SHARED_DIR, "corpus", "ingress2gateway"), join(SHARED_DIR, "gateway-api", "examples")];
const present = DIRS.every((d) => existsSync(d));

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : /\.(ya?ml|json)$/i.test(n) ? [p] : [];
    });
}

/** Requests that exercise each Gateway: per listener (up to three), its protocol, port and a host it serves. */
function requestsFor(model: Model): SimRequest[] {
  const out: SimRequest[] = [];
  for (const gw of model.gateways) {
    for (const l of gw.listeners.slice(0, 3)) {
      const routeHost = l.routes.flatMap((a) => a.hostnames)[0];
      const host = (routeHost ?? l.hostname ?? "example.com").replace(/^\*/, "any");
      const protocol = (["HTTP", "HTTPS", "TLS", "TCP", "UDP"].includes(l.protocol) ? l.protocol : "HTTP") as Protocol;
      out.push({ gateway: `${gw.resource.namespace}/${gw.resource.name}`, request: { protocol, host, port: l.port, path: "/", method: "GET" } });
    }
  }
  return out;
}

/** Why a diagnostic is not explained, or null. */
function unexplained(d: Diagnostic, text: string, lines: string[]): string | null {
  if (!d.code) return "no code";
  if (!d.message || d.message.length < 8) return "no message";
  if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines.length) return `line ${d.line} outside the file (${lines.length} lines)`;
  const len = lines[d.line - 1].length;
  if (!Number.isInteger(d.column) || d.column < 1 || d.column > len + 1) return `column ${d.column} outside line ${d.line} (${len} characters)`;
  if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) return "ends before it starts";
  return text.length >= 0 ? null : "unreachable";
}

describe.skipIf(!present)("corpus: every file through the whole engine", () => {
  if (!present) it.skip(`corpus not found under ${SHARED_DIR}; skipping`, () => {});
  const files = present ? DIRS.flatMap(walk) : [];

  it("finds the corpus", () => {
    expect(files.length).toBeGreaterThan(800);
  });

  it("loads, simulates, graphs and matches without an exception; every error is explained", () => {
    let documents = 0;
    let resources = 0;
    let requests = 0;
    const byCode = new Map<string, number>();
    const bySeverity = { error: 0, warning: 0, info: 0 };
    const outcomes = new Map<number, number>();
    const failures: string[] = [];
    for (const file of files) {
      const name = relative(SHARED_DIR, file);
      const text = readFileSync(file, "utf8");
      documents += splitDocuments(text).length;
      try {
        const loaded = load({ name, text });
        resources += loaded.parse.resources.length;
        const lines = text.split("\n");
        for (const d of loaded.diagnostics) {
          byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
          bySeverity[d.severity]++;
          if (d.file !== name) failures.push(`${name}: diagnostic for another file "${d.file}": ${d.code} ${d.message}`);
          else if (d.severity === "error") {
            const why = unexplained(d, text, lines);
            if (why) failures.push(`${name}:${d.line}:${d.column}: ${d.code}: ${why} — ${d.message}`);
          }
        }
        const graph = buildGraph(loaded.model);
        const ids = new Set(graph.nodes.map((n) => n.id));
        for (const e of graph.edges) if (!ids.has(e.from) || !ids.has(e.to)) failures.push(`${name}: edge ${e.id} has no node at an end`);
        for (const req of requestsFor(loaded.model)) {
          const o = match(loaded.model, req);
          requests++;
          outcomes.set(o.statusCode, (outcomes.get(o.statusCode) ?? 0) + 1);
          if (!Array.isArray(o.trace) || o.trace.length === 0) failures.push(`${name}: outcome without a trace for ${JSON.stringify(req)}`);
          if (o.trace.some((s) => s.step === "error")) failures.push(`${name}: matcher error for ${JSON.stringify(req)}: ${o.trace.find((s) => s.step === "error")!.detail}`);
        }
      } catch (e) {
        failures.push(`${name}: threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
    const codes = [...byCode.entries()].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`);
    console.log(
      [
        `corpus: ${files.length} files, ${documents} documents, ${resources} resources, ${requests} requests`,
        `diagnostics: ${bySeverity.error} errors, ${bySeverity.warning} warnings, ${bySeverity.info} info`,
        `by code: ${codes.join(", ")}`,
        `outcomes by status: ${[...outcomes.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(", ")}`,
        failures.length ? `failures (${failures.length}):\n  ${failures.slice(0, 30).join("\n  ")}` : "no failures",
      ].join("\n"),
    );
    expect(failures).toEqual([]);
  });
});
