/** Request objects for `route`: `--request JSON` or `--batch FILE.jsonl` (one per line). */
import { readFileSync } from "node:fs";
import type { SimRequest } from "../model/request";
import type { InputProblem } from "./input";

/** JSON.parse says where it stopped as "at position N" (Node 20) or "(line L column C)" (newer V8). */
function jsonErrorColumn(e: unknown, text: string): { line: number; column: number; message: string } {
  const msg = e instanceof Error ? e.message : String(e);
  const lc = /\(line (\d+) column (\d+)\)/.exec(msg);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]), message: msg };
  const pos = /at position (\d+)/.exec(msg);
  if (pos) {
    const p = Number(pos[1]);
    const before = text.slice(0, p);
    const line = before.split("\n").length;
    return { line, column: p - before.lastIndexOf("\n"), message: msg };
  }
  return { line: 1, column: Math.max(1, text.length), message: msg };
}

/** Check the shape of one request object (the conformance request-case shape); a message when wrong. */
export function checkRequest(v: unknown): string | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return "a request must be a JSON object like {\"gateway\":\"ns/name\",\"request\":{…}}";
  const o = v as Record<string, unknown>;
  if (o.request !== undefined && (o.request === null || typeof o.request !== "object" || Array.isArray(o.request))) return "\"request\" must be an object";
  if (o.gateway !== undefined && typeof o.gateway !== "string") return "\"gateway\" must be a string \"namespace/name\"";
  if (o.mesh !== undefined && (o.mesh === null || typeof o.mesh !== "object" || Array.isArray(o.mesh))) return "\"mesh\" must be an object";
  if (o.gateway === undefined && o.mesh === undefined && o.request === undefined) return "a request needs \"gateway\" (or \"mesh\") and \"request\"";
  return null;
}

/** Parse one request from text; `file` names it in problems. */
export function parseRequest(text: string, file: string, line = 1): { request?: SimRequest; problem?: InputProblem } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    const p = jsonErrorColumn(e, text);
    return { problem: { file, line: line + p.line - 1, column: p.column, message: `invalid JSON: ${p.message}` } };
  }
  const bad = checkRequest(v);
  if (bad) return { problem: { file, line, column: 1, message: bad } };
  const r = v as SimRequest;
  return { request: r.request ? r : { ...r, request: {} } };
}

/** Every request of a JSON-lines file, in order (blank lines skipped); all problems, not just the first. */
export function readBatch(path: string): { requests: SimRequest[]; problems: InputProblem[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { requests: [], problems: [{ file: path, line: 1, column: 1, message: `cannot read: ${code === "ENOENT" ? "no such file or directory" : e instanceof Error ? e.message : String(e)}` }] };
  }
  const requests: SimRequest[] = [];
  const problems: InputProblem[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    if (!line.trim()) return;
    const { request, problem } = parseRequest(line, path, i + 1);
    if (problem) problems.push(problem);
    else if (request) requests.push(request);
  });
  return { requests, problems };
}
