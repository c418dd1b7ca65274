/**
 * Values to YAML (or JSON) text for the places an edit writes them: a scalar in an existing node's
 * style, a `key: value` pair of a block mapping, an item of a block sequence, a flow value.
 */
import { Document, Scalar, visit } from "yaml";
import { indentRest, spaces } from "./text";
import type { Value } from "./types";

/** How a document is laid out, so new text looks like the text around it. */
export interface Style {
  /** Indentation of a nested mapping. */
  step: number;
  /** Indentation of a block sequence under its key: 0 (`key:\n- a`) or `step` (`key:\n  - a`). */
  seqIndent: number;
  /** The document is JSON: keys and strings double-quoted, flow everywhere. */
  json: boolean;
  /** Spaces inside flow braces: `{ a: 1 }` rather than `{a: 1}`. */
  flowPadding: boolean;
  /** One-line JSON written with spaces after `:` and `,` (`{"a": 1, "b": 2}`) rather than compact. */
  jsonSpaced?: boolean;
}

/** The layout used when a document gives no evidence (the Gateway API examples' style). */
export const DEFAULT_STYLE: Style = { step: 2, seqIndent: 2, json: false, flowPadding: false };

/**
 * Strings YAML 1.2 reads as strings but YAML 1.1 parsers (go-yaml v2, which kubectl and sigs.k8s.io/yaml
 * use) read as booleans or numbers: written plain, `on` would reach the API server as `true`.
 */
const YAML11_NON_STRING = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF))|\.(?:nan|NaN|NAN))$/;

function isPlainSafe(s: string, inFlow: boolean): boolean {
  if (s === "" || YAML11_NON_STRING.test(s)) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  const out = new Document(s).toString({ lineWidth: 0 });
  return out === `${s}\n`;
}

/** Control characters other than tab and newline: only double quotes can write them (as escapes). */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10) || c === 127) return true;
  }
  return false;
}

/** A string scalar: plain when it reads back as the same string in YAML 1.1 and 1.2, else double-quoted. */
export function stringText(s: string, inFlow = false, json = false): string {
  if (json) return JSON.stringify(s);
  return isPlainSafe(s, inFlow) ? s : JSON.stringify(s);
}

/** A scalar of any type as it would be written new. */
function scalarText(v: Value, inFlow = false, json = false): string {
  if (v === null) return "null";
  if (typeof v === "string") return stringText(v, inFlow, json);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : v > 0 ? ".inf" : v < 0 ? "-.inf" : ".nan";
  return String(v);
}

/**
 * A scalar replacing an existing one, in the old one's style where the new value allows it (quotes
 * stay quotes, block literals stay block literals). `blockIndent` is the column of a block scalar's content.
 */
export function replacementScalar(v: Value, oldType: string | undefined, inFlow: boolean, json: boolean, blockIndent: number): string {
  if (typeof v !== "string") return scalarText(v, inFlow, json);
  if (json) return JSON.stringify(v);
  const simple = !hasControl(v) && !v.includes("\n");
  if (oldType === Scalar.QUOTE_SINGLE && simple) return `'${v.replace(/'/g, "''")}'`;
  if (oldType === Scalar.QUOTE_DOUBLE) return JSON.stringify(v);
  if ((oldType === Scalar.BLOCK_LITERAL || oldType === Scalar.BLOCK_FOLDED) && !inFlow && v.includes("\n") && !hasControl(v) && !/^[ \t]/.test(v)) {
    return blockLiteral(v, blockIndent);
  }
  return stringText(v, inFlow);
}

/** `|` block literal: the chomping indicator keeps the trailing newlines exactly. */
function blockLiteral(v: string, indent: number): string {
  const trailing = /\n*$/.exec(v)![0].length;
  const body = v.slice(0, v.length - trailing);
  const header = trailing === 0 ? "|-" : trailing === 1 ? "|" : "|+";
  const pad = spaces(indent);
  const lines = body.split("\n").map((l) => (l ? pad + l : ""));
  return `${header}\n${lines.join("\n")}\n${"\n".repeat(Math.max(0, trailing - 1))}`;
}

function yamlDoc(v: Value): Document {
  const doc = new Document(v);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === "string" && YAML11_NON_STRING.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc;
}

function blockText(v: Value, style: Style): string {
  const out = yamlDoc(v).toString({ indent: style.step, indentSeq: style.seqIndent > 0, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: style.flowPadding });
  return out.endsWith("\n") ? out.slice(0, -1) : out;
}

/** One-line JSON with a space after each `:` and `,`, as hand-written JSON usually has. */
function spacedJson(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(spacedJson).join(", ")}]`;
  if (v !== null && typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${spacedJson(x)}`).join(", ")}}`;
  return JSON.stringify(v);
}

/** A value in flow style (JSON for JSON documents); `col` is where it starts, for multi-line JSON. */
export function flowText(v: Value, style: Style, multiline = false, col = 0): string {
  if (style.json) return multiline ? indentRest(JSON.stringify(v, null, style.step), col) : style.jsonSpaced ? spacedJson(v) : JSON.stringify(v);
  if (v === null || typeof v !== "object") return scalarText(v, true);
  return yamlDoc(v).toString({ collectionStyle: "flow", flowCollectionPadding: style.flowPadding, lineWidth: 0 }).replace(/\n$/, "");
}

function isEmptyCollection(v: Value): boolean {
  return v !== null && typeof v === "object" && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
}

/** Whether a value is written on lines of its own in block style. */
export function isBlockCollection(v: Value): boolean {
  return v !== null && typeof v === "object" && !isEmptyCollection(v);
}

/** The key of a new pair. */
export function keyText(key: string, style: Style, inFlow: boolean): string {
  return style.json ? JSON.stringify(key) : stringText(key, inFlow);
}

/** `key: value` for a block mapping whose keys sit at column `col`: lines after the first are indented. */
export function pairText(key: string, v: Value, col: number, style: Style): string {
  return indentRest(blockText({ [key]: v }, style), col);
}

/** `- value` for a block sequence whose dashes sit at column `col`. */
export function itemText(v: Value, col: number, style: Style): string {
  return indentRest(blockText([v], style), col);
}

/**
 * A value written after `key:` in a block mapping whose keys sit at `col`: ` scalar`, ` []`, or a
 * newline and the collection's lines.
 */
export function valueAfterKey(v: Value, col: number, style: Style): string {
  if (!isBlockCollection(v)) return ` ${v !== null && typeof v === "object" ? (Array.isArray(v) ? "[]" : "{}") : scalarText(v)}`;
  const inner = Array.isArray(v) ? col + style.seqIndent : col + style.step;
  return `\n${spaces(inner)}${indentRest(blockText(v, style), inner)}`;
}

/** A value written where an existing value starts at column `col` on its line (after `- ` for instance). */
export function valueInPlace(v: Value, col: number, style: Style): string {
  if (!isBlockCollection(v)) return v !== null && typeof v === "object" ? (Array.isArray(v) ? "[]" : "{}") : scalarText(v);
  return indentRest(blockText(v, style), col);
}

/** A whole new document's text (block YAML, or pretty JSON for JSON documents). */
export function documentText(v: Value, style: Style): string {
  return style.json ? JSON.stringify(v, null, style.step) : blockText(v, style);
}
