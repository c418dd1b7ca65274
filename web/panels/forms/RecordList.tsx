/**
 * A list of small objects edited in place, one row per item and one field per column (header
 * matches, certificate references, Service ports…): each field writes its own path, so a change
 * touches one line of the YAML; rows are removed and added as list items.
 */
import type { Issue } from "../../../src/edit/validate";
import type { Path, Value } from "../../../src/edit/types";
import type { ResourceEditor } from "./edit";
import { Btn, NumberField, SelectField, TextField } from "./fields";
import { num, str, type Obj } from "../kinds/read";

export interface Column {
  key: string;
  label: string;
  type?: "text" | "number" | "select";
  options?: readonly (readonly [string, string])[];
  validate?: (v: string) => Issue | null;
  validateNumber?: (v: number) => Issue | null;
  placeholder?: string;
  /** A field the object cannot do without: emptying it is refused. */
  required?: boolean;
}

export interface RecordListProps {
  title: string;
  items: readonly Obj[];
  columns: readonly Column[];
  ed: ResourceEditor;
  /** Path of the list. */
  path: Path;
  /** The item "+" adds. */
  newItem: () => Value;
  /** Test id prefix: rows get `<prefix>-<i>`, the add button `<prefix>-add`. */
  testId?: string;
  /** Issue of a whole row (by index), e.g. a duplicate. */
  rowIssue?: (i: number) => Issue | null;
}

export function RecordList({ title, items, columns, ed, path, newItem, testId, rowIssue }: RecordListProps) {
  return (
    <div className="f-list" data-testid={testId}>
      <div className="f-list-head">
        <span>{title}</span>
        <Btn title={`Add to ${title}`} testId={testId ? `${testId}-add` : undefined} onClick={() => void ed.insert(path, newItem())}>
          +
        </Btn>
      </div>
      {items.map((item, i) => (
        <div key={i} className="f-row" data-testid={testId ? `${testId}-${i}` : undefined}>
          {columns.map((c) => {
            const at = [...path, i, c.key];
            if (c.type === "number")
              return <NumberField key={c.key} label={c.label} value={num(item[c.key])} optional={!c.required} validate={c.validateNumber} placeholder={c.placeholder} onCommit={(v) => void ed.set(at, v)} />;
            if (c.type === "select") return <SelectField key={c.key} label={c.label} value={str(item[c.key])} options={c.options ?? []} onCommit={(v) => void ed.set(at, v)} />;
            return (
              <TextField
                key={c.key}
                label={c.label}
                value={str(item[c.key])}
                placeholder={c.placeholder}
                validate={c.validate}
                required={c.required}
                onCommit={(v) => void ed.set(at, v)}
              />
            );
          })}
          <Btn title={`Remove from ${title}`} danger onClick={() => void ed.del([...path, i])}>
            ✕
          </Btn>
          {rowIssue?.(i) ? <span className={`f-issue ${rowIssue(i)!.severity}`}>{rowIssue(i)!.message}</span> : null}
        </div>
      ))}
    </div>
  );
}
