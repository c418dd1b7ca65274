/**
 * Every gallery example through the engine: it loads without error diagnostics (except the ones it
 * teaches, which must appear), draws the nodes it declares, and every suggested sample request
 * gets the outcome the example promises.
 */
import { describe, expect, it } from "vitest";
import { buildGraph, load, match, simulate } from "../../src/index";
import type { Outcome } from "../../src/model/outcome";
import { GALLERY, exampleForFile, type SampleExpectation } from "./index";

/** The parts of an outcome a sample's expectation names, in the expectation's shape. */
function observed(o: Outcome, e: SampleExpectation): SampleExpectation {
  const got: SampleExpectation = { statusCode: o.statusCode };
  if ("backend" in e) got.backend = o.backend;
  if (e.backends) got.backends = Object.fromEntries(o.backends.filter((b) => !b.invalid).map((b) => [`${b.namespace}/${b.name}`, b.probability]));
  if (e.location !== undefined) got.location = o.redirect?.location;
  if (e.path !== undefined) got.path = o.path;
  if (e.host !== undefined) got.host = o.host;
  if (e.requestHeaders) got.requestHeaders = Object.fromEntries(Object.keys(e.requestHeaders).map((k) => [k, o.requestHeaders[k.toLowerCase()] ?? o.requestHeaders[k]]));
  if (e.grpcStatus !== undefined) got.grpcStatus = o.grpcStatus;
  if (e.connectionError !== undefined) got.connectionError = !!o.connectionError;
  if (e.backendTLS !== undefined) {
    const tls = o.backends.find((b) => `${b.namespace}/${b.name}` === o.backend)?.tls;
    got.backendTLS = tls ? { sni: tls.sni } : null;
  }
  return got;
}

describe("gallery", () => {
  it("has unique ids, titles and one-line descriptions", () => {
    expect(new Set(GALLERY.map((e) => e.id)).size).toBe(GALLERY.length);
    for (const e of GALLERY) {
      expect(e.id).toMatch(/^[a-z0-9-]+$/);
      expect(e.title.length).toBeGreaterThan(3);
      expect(e.description).not.toMatch(/[\n`]/); // one plain line: the menu shows it as text
      expect(e.explanation.length).toBeGreaterThan(0);
      expect(e.samples.length).toBeGreaterThan(0);
      expect(exampleForFile(`${e.id}.yaml`)).toBe(e);
    }
  });

  for (const ex of GALLERY) {
    describe(ex.id, () => {
      const loaded = load({ name: `${ex.id}.yaml`, text: ex.yaml });

      it("has no warnings", () => {
        expect(loaded.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.code}: ${d.message}`)).toEqual([]);
      });

      it("has no error diagnostics but the ones it teaches", () => {
        const errors = loaded.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`);
        const taught = ex.teachesErrors ?? [];
        expect(errors.filter((e) => !taught.some((code) => e.startsWith(`${code}:`)))).toEqual([]);
        for (const code of taught) expect(errors.some((e) => e.startsWith(`${code}:`)), `${code} is taught but not reported`).toBe(true);
      });

      it("parses every document into a known resource", () => {
        expect(loaded.parse.resources.length).toBe(ex.yaml.split(/^---$/m).length);
        expect(loaded.parse.resources.filter((r) => !r.known).map((r) => `${r.kind}/${r.name}`)).toEqual([]);
        // The same resources through the controller alone give the same model.
        expect(simulate(loaded.parse.resources).routes.length).toBe(loaded.model.routes.length);
      });

      it("draws the nodes it declares", () => {
        const ids = new Set(buildGraph(loaded.model).nodes.map((n) => n.id));
        expect(ex.nodes.filter((id) => !ids.has(id))).toEqual([]);
      });

      for (const s of ex.samples) {
        const run = () => {
          const o = match(loaded.model, s.request, { trace: true });
          expect(observed(o, s.expect), o.trace.map((t) => `${t.step}: ${t.detail}`).join("\n")).toEqual(s.expect);
        };
        // Samples of a scenario the engine does not simulate yet state what the spec requires; they
        // are expected to fail until it does (then this flag must go).
        if (ex.notSimulatedYet) it.fails(`sample "${s.label}" (not simulated yet)`, run);
        else it(`sample "${s.label}"`, run);
      }
    });
  }
});
