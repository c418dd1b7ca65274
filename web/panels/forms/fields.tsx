/**
 * Form fields that edit the YAML: each keeps a draft while the user types, shows the validation
 * message of the draft at once, and commits on change/blur (Enter too; Escape reverts) — one
 * history entry per committed change, never one per keystroke. A draft with an error is not
 * committed. When the written value changes (after the edit, or from the editor), the draft follows.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { Issue } from "../../../src/edit/validate";

type Validate<T> = (v: T) => Issue | null;

interface Base {
  label: string;
  testId?: string;
  title?: string;
  className?: string;
}

/** The message under a field (error or warning). */
export function IssueText({ issue }: { issue: Issue | null | undefined }) {
  if (!issue) return null;
  return (
    <span className={`f-issue ${issue.severity}`} role={issue.severity === "error" ? "alert" : undefined} data-testid="field-issue">
      {issue.message}
    </span>
  );
}

function Field({ label, id, children, issue, className }: { label: string; id: string; children: ReactNode; issue?: Issue | null; className?: string }) {
  return (
    <div className={`f-field${className ? ` ${className}` : ""}${issue?.severity === "error" ? " invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      <IssueText issue={issue} />
    </div>
  );
}

/**
 * The native `change` event (fired when a changed field is left, or dispatched by automation)
 * commits too: React's onChange is the per-keystroke `input` event.
 */
function useNativeChange(commit: (raw: string) => void) {
  const ref = useRef<HTMLInputElement | null>(null);
  const latest = useRef(commit);
  latest.current = commit;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The element's own value: a change dispatched right after an input event arrives before React re-renders.
    const on = () => latest.current(el.value);
    el.addEventListener("change", on);
    return () => el.removeEventListener("change", on);
  }, []);
  return ref;
}

/** A draft of `value` that follows it when it changes from outside. */
function useDraft<T>(value: T): [T, (v: T) => void] {
  const [draft, setDraft] = useState(value);
  const last = useRef(value);
  useEffect(() => {
    if (!Object.is(last.current, value)) {
      last.current = value;
      setDraft(value);
    }
  }, [value]);
  return [draft, setDraft];
}

export interface TextFieldProps extends Base {
  value: string;
  /** Called with the new text when it differs from `value` and validates. "" means "remove". */
  onCommit: (v: string) => void;
  validate?: Validate<string>;
  placeholder?: string;
  /** Emptying the field is an error (not a removal). */
  required?: boolean;
}

/** A text field committing on blur or Enter. */
export function TextField({ label, value, onCommit, validate, placeholder, testId, title, className, required }: TextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useDraft(value);
  const check = (v: string): Issue | null => (v.trim() === "" ? (required ? { severity: "error", message: `${label} is required` } : null) : (validate?.(v) ?? null));
  const issue = check(draft);
  const commit = (v: string = draft) => {
    if (v === value || check(v)?.severity === "error") return;
    onCommit(v);
  };
  const ref = useNativeChange(commit);
  return (
    <Field label={label} id={id} issue={issue} className={className}>
      <input
        ref={ref}
        id={id}
        type="text"
        value={draft}
        placeholder={placeholder}
        title={title}
        data-testid={testId}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(e.currentTarget.value);
          else if (e.key === "Escape") setDraft(value);
        }}
      />
    </Field>
  );
}

export interface NumberFieldProps extends Base {
  value: number | null;
  /** The new number, or null when the field was emptied (only when `optional`). */
  onCommit: (v: number | null) => void;
  validate?: Validate<number>;
  optional?: boolean;
  min?: number;
  max?: number;
  placeholder?: string;
}

/** A whole-number field committing on blur or Enter. */
export function NumberField({ label, value, onCommit, validate, optional, min, max, placeholder, testId, title, className }: NumberFieldProps) {
  const id = useId();
  const text = value === null ? "" : String(value);
  const [draft, setDraft] = useDraft(text);
  const parse = (raw: string): { n: number | null; issue: Issue | null } => {
    const n = raw.trim() === "" ? null : Number(raw);
    if (n === null) return { n, issue: optional ? null : { severity: "error", message: "a number is required" } };
    if (!Number.isInteger(n)) return { n, issue: { severity: "error", message: "must be a whole number" } };
    return { n, issue: validate ? validate(n) : null };
  };
  const { issue } = parse(draft);
  const commit = (raw: string = draft) => {
    const p = parse(raw);
    if (raw === text || p.issue?.severity === "error") return;
    onCommit(p.n);
  };
  const ref = useNativeChange(commit);
  return (
    <Field label={label} id={id} issue={issue} className={className}>
      <input
        ref={ref}
        id={id}
        type="number"
        inputMode="numeric"
        value={draft}
        min={min}
        max={max}
        placeholder={placeholder}
        title={title}
        data-testid={testId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(e.currentTarget.value);
          else if (e.key === "Escape") setDraft(text);
        }}
      />
    </Field>
  );
}

export interface SelectFieldProps extends Base {
  value: string;
  /** [value, label] pairs; a value "" stands for "not set". */
  options: readonly (readonly [string, string])[];
  onCommit: (v: string) => void;
  issue?: Issue | null;
}

/** A select committing on change. A written value not among the options is shown as is. */
export function SelectField({ label, value, options, onCommit, testId, title, className, issue }: SelectFieldProps) {
  const id = useId();
  const all = options.some(([v]) => v === value) ? options : [...options, [value, value] as const];
  return (
    <Field label={label} id={id} className={className} issue={issue}>
      <select id={id} value={value} title={title} data-testid={testId} onChange={(e) => e.target.value !== value && onCommit(e.target.value)}>
        {all.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A checkbox committing on change. */
export function CheckField({ label, value, onCommit, testId, className }: Base & { value: boolean; onCommit: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className={`f-field f-check${className ? ` ${className}` : ""}`}>
      <input id={id} type="checkbox" checked={value} data-testid={testId} onChange={(e) => onCommit(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Comma-separated words ↔ a list of strings. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface ListFieldProps extends Base {
  value: readonly string[];
  onCommit: (v: string[]) => void;
  /** Checks each entry. */
  validateEach?: Validate<string>;
  placeholder?: string;
}

/** A list of words edited as comma-separated text (hostnames, kinds, origins). */
export function ListField({ value, onCommit, validateEach, ...rest }: ListFieldProps) {
  const joined = value.join(", ");
  const validate = (t: string): Issue | null => {
    if (!validateEach) return null;
    for (const [i, s] of splitList(t).entries()) {
      const e = validateEach(s);
      if (e) return { ...e, message: `${s}: ${e.message}`, index: i };
    }
    return null;
  };
  return <TextField {...rest} value={joined} validate={validate} onCommit={(t) => onCommit(splitList(t))} />;
}

/** A small button. */
export function Btn({ children, onClick, title, testId, danger, disabled }: { children: ReactNode; onClick: () => void; title?: string; testId?: string; danger?: boolean; disabled?: boolean }) {
  return (
    <button type="button" className={`f-btn${danger ? " danger" : ""}`} title={title} aria-label={title} data-testid={testId} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}
