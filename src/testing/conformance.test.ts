import { describe, expect, it } from "vitest";
import { HAVE_CONFORMANCE, SKIP_REASON, byCategory, configFor, configFilesFor, loadConformanceTests, mergePatch } from "./conformance";
import { parse } from "../parse";

describe("merge patch (RFC 7386)", () => {
  it.each([
    [{ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 } }, { a: 1, b: { d: 3, e: 4 } }],
    [{ l: [1, 2] }, { l: [3] }, { l: [3] }],
    [{ a: 1 }, { a: { x: 1 } }, { a: { x: 1 } }],
    [[1], { a: 1 }, { a: 1 }],
  ])("%j + %j", (target, patch, want) => {
    expect(mergePatch(target, patch)).toEqual(want);
  });
});

describe.skipIf(!HAVE_CONFORMANCE)("conformance data loader", () => {
  if (!HAVE_CONFORMANCE) console.warn(SKIP_REASON);
  const tests = HAVE_CONFORMANCE ? loadConformanceTests() : [];

  it("loads every transcribed test with its category", () => {
    expect(tests.length).toBe(151);
    expect(tests.filter(byCategory("HTTPRoute (Gateway)")).length).toBe(54);
  });

  it("every test's manifests parse without errors", () => {
    const errors = tests.flatMap((t) => parse(configFilesFor(t)).diagnostics.filter((d) => d.severity === "error").map((d) => `${t.name}: ${d.file}:${d.line}:${d.column} ${d.message}`));
    expect(errors).toEqual([]);
  });

  it("applies after steps: delete and patch (with generation bump)", () => {
    const t = tests.find((x) => x.name === "GatewayClassObservedGenerationBump")!;
    const before = configFor(t).find((r) => r.kind === "GatewayClass" && r.name === "gatewayclass-observed-generation-bump")!;
    const afterOps = t.status.find((s) => s.after)!.after!;
    const after = configFor(t, afterOps).find((r) => r.kind === "GatewayClass" && r.name === "gatewayclass-observed-generation-bump")!;
    expect(before.metadata.generation).toBe(1);
    expect(after.metadata.generation).toBe(2);
    expect(after.spec.description).toBe("new");
    const rg = tests.find((x) => x.requests.some((r) => r.after?.some((a) => a.op === "delete")))!;
    const del = rg.requests.find((r) => r.after?.some((a) => a.op === "delete"))!.after!.find((a) => a.op === "delete")!;
    expect(configFor(rg).some((r) => r.kind === del.kind && r.name === del.name)).toBe(true);
    expect(configFor(rg, [del]).some((r) => r.kind === del.kind && r.name === del.name)).toBe(false);
  });

  it("orders creation timestamps by apply order, extra objects last", () => {
    const t = tests.find((x) => x.name === "TCPRouteMultipleRoutesAttachment")!;
    const rs = configFor(t);
    const newer = rs.find((r) => r.name === "tcproute-attach-newer")!;
    const others = rs.filter((r) => r.kind === "TCPRoute" && r !== newer);
    expect(others.length).toBeGreaterThan(0);
    for (const o of others) expect(o.metadata.creationTimestamp! < newer.metadata.creationTimestamp!).toBe(true);
  });
});
