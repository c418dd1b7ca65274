import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/model/diagnostic";
import { ENGINE_MARKER_OWNER, MARKER_SEVERITY, toMarkers } from "./markers";

function diag(over: Partial<Diagnostic>): Diagnostic {
  return { severity: "error", code: "schema", message: "m", file: "a.yaml", line: 3, column: 5, endLine: 3, endColumn: 9, ...over };
}

const range = (m: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }) =>
  [m.startLineNumber, m.startColumn, m.endLineNumber, m.endColumn];

describe("toMarkers", () => {
  const severityRows: { severity: Diagnostic["severity"]; expect: number }[] = [
    { severity: "error", expect: 8 },
    { severity: "warning", expect: 4 },
    { severity: "info", expect: 2 },
  ];
  it.each(severityRows)("maps severity $severity to Monaco's $expect", ({ severity, expect: want }) => {
    expect(toMarkers([diag({ severity })])[0].severity).toBe(want);
  });

  const rangeRows: { name: string; d: Partial<Diagnostic>; lineCount?: number; expect: number[] }[] = [
    { name: "keeps a well-formed range", d: {}, expect: [3, 5, 3, 9] },
    { name: "keeps a multi-line range", d: { line: 2, column: 3, endLine: 7, endColumn: 1 }, expect: [2, 3, 7, 1] },
    { name: "collapses an end before the start (same line)", d: { endColumn: 2 }, expect: [3, 5, 3, 5] },
    { name: "collapses an end on an earlier line", d: { endLine: 1, endColumn: 20 }, expect: [3, 5, 3, 5] },
    { name: "lifts zero / negative positions to 1", d: { line: 0, column: 0, endLine: 0, endColumn: -4 }, expect: [1, 1, 1, 1] },
    { name: "treats NaN as the first position", d: { line: Number.NaN, column: Number.NaN, endLine: Number.NaN, endColumn: Number.NaN }, expect: [1, 1, 1, 1] },
    { name: "truncates fractional positions", d: { line: 3.7, column: 5.2, endLine: 3.9, endColumn: 9.9 }, expect: [3, 5, 3, 9] },
    { name: "clamps a stale diagnostic past the end of the text", d: { line: 40, column: 2, endLine: 44, endColumn: 6 }, lineCount: 10, expect: [10, 2, 10, 6] },
    { name: "clamps only the end when the start is inside", d: { line: 8, column: 2, endLine: 44, endColumn: 6 }, lineCount: 10, expect: [8, 2, 10, 6] },
  ];
  it.each(rangeRows)("$name", ({ d, lineCount, expect: want }) => {
    expect(range(toMarkers([diag(d)], { lineCount })[0])).toEqual(want);
  });

  it("uses Monaco's own MarkerSeverity numbers", async () => {
    // Monaco's enums module is pure (the editor proper needs a DOM); a variable keeps tsc from typing it.
    const spec: string = "monaco-editor/editor/common/standalone/standaloneEnums.js";
    const { MarkerSeverity } = (await import(/* @vite-ignore */ spec)) as { MarkerSeverity: Record<string, number> };
    expect(MARKER_SEVERITY).toEqual({ error: MarkerSeverity.Error, warning: MarkerSeverity.Warning, info: MarkerSeverity.Info });
  });

  it("carries message, code and source", () => {
    const [m] = toMarkers([diag({ message: "Listener is not valid", code: "ResolvedRefs/InvalidCertificateRef", severity: "warning" })]);
    expect(m).toMatchObject({ message: "Listener is not valid", code: "ResolvedRefs/InvalidCertificateRef", source: "switchyard", severity: MARKER_SEVERITY.warning });
  });

  const fileRows: { name: string; file?: string; expect: string[] }[] = [
    { name: "keeps every file without a filter", expect: ["one", "two", "three"] },
    { name: "keeps only the file asked for", file: "a.yaml", expect: ["one", "three"] },
    { name: "keeps nothing for a file without diagnostics", file: "c.yaml", expect: [] },
  ];
  it.each(fileRows)("$name", ({ file, expect: want }) => {
    const ds = [diag({ message: "one" }), diag({ message: "two", file: "b.yaml" }), diag({ message: "three" })];
    expect(toMarkers(ds, { file }).map((m) => m.message)).toEqual(want);
  });

  it("keeps order and one marker per diagnostic, even duplicates", () => {
    const ds = [diag({ message: "x", line: 9, endLine: 9 }), diag({ message: "x", line: 9, endLine: 9 }), diag({ message: "y", line: 1, endLine: 1 })];
    expect(toMarkers(ds).map((m) => [m.message, m.startLineNumber])).toEqual([["x", 9], ["x", 9], ["y", 1]]);
  });

  it("uses an owner distinct from monaco-yaml's", () => {
    expect(ENGINE_MARKER_OWNER).not.toBe("yaml");
  });
});
