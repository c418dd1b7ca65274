/**
 * The YAML editor: Monaco with the Kubernetes schema (completion, hover docs, validation through
 * monaco-yaml) and the engine's diagnostics as markers of their own owner.
 *
 * Monaco owns the text while the user types: the parent's `value` is read once at mount and
 * afterwards only when it changes to something this editor did not emit itself (a visual edit, the
 * app's undo/redo, a loaded example); such a change is applied as one minimal edit, so the cursor,
 * the scroll position and Monaco's undo stack survive. Keystrokes reach `onChange` debounced.
 *
 * Load it lazily (LazyYamlEditor.tsx): importing this module pulls in Monaco.
 */
import Editor, { type OnMount } from "@monaco-editor/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { editor } from "monaco-editor/editor";
import type { Diagnostic } from "../../src/model/diagnostic";
import { setupMonaco } from "./monacoSetup";
import { ENGINE_MARKER_OWNER, toMarkers } from "./markers";
import { minimalReplacement } from "./textEdit";
import { revealLines, type RevealRequest } from "./reveal";
import { tokenizeUpTo } from "./tokenizeAhead";

export type { RevealRequest } from "./reveal";

const monaco = setupMonaco(); // configuration only: no editor, no worker yet

/**
 * Above this many lines folding and sticky scroll are off: each rescans every line's indentation
 * after an edit (~150–300 ms at 10,000 routes / 190,000 lines on these machines).
 */
export const LARGE_LINES = 20_000;

/** Where the cursor is: 0-based offset into the text, 1-based line and column (UTF-16 units). */
export interface CursorInfo {
  offset: number;
  line: number;
  column: number;
}

export interface YamlEditorProps {
  /** The text. Read at mount, then only when it changes to text this editor did not emit. */
  value: string;
  /** The text after the user's edits, at most once per `changeDelay` ms while typing, and on blur. */
  onChange: (text: string) => void;
  /** Engine diagnostics to show (`file`-filtered when `file` is set); keep the array identity stable between changes. */
  markers?: readonly Diagnostic[];
  /**
   * Input file name: names the model (the schema applies to *.yaml / *.yml) and filters `markers`.
   * Changing it remounts the editor on the new `value`; keystrokes of the old file still inside the
   * debounce are dropped (switch after a blur, or flush by waiting `changeDelay`).
   */
  file?: string;
  /** Reveal and (by default) select these lines; pass a new object to repeat the same request. */
  reveal?: RevealRequest | null;
  /** The user moved the cursor (by keyboard or mouse; not our own reveals), debounced. */
  onCursorChange?: (cursor: CursorInfo) => void;
  theme?: "light" | "dark";
  readOnly?: boolean;
  /** Debounce of `onChange`, ms. Default 150. */
  changeDelay?: number;
  /**
   * Called with a handle once the editor is mounted, and with null when it goes: `flush()` reports
   * pending keystrokes through `onChange` at once (the app flushes before a visual edit or an undo).
   */
  onReady?: (handle: { flush(): void } | null) => void;
  className?: string;
}

/** Monaco YAML editor for Kubernetes / Gateway API manifests. */
export function YamlEditor(props: YamlEditorProps) {
  const { value, markers, file, reveal, theme = "light", readOnly = false, className } = props;
  const latest = useRef(props);
  latest.current = props;
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const [mounted, setMounted] = useState(0);
  const [large, setLarge] = useState(false);
  /** The last text the parent and this editor agreed on (emitted by us or applied from `value`). */
  const agreed = useRef(value);
  /**
   * The model's version id when it last held `agreed` (-1: unknown). While it still has that
   * version, its text is `agreed` without asking it: `getValue()` joins every line (3 MB at 2,000
   * routes), which a blur or an outside change would otherwise pay for nothing.
   */
  const agreedVersion = useRef(-1);
  const lastValueProp = useRef(value);
  const applyingExternal = useRef(false);
  const changeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cursorTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(changeTimer.current);
    changeTimer.current = undefined;
    const model = editorRef.current?.getModel();
    // Only the text of the file the props name now: after a `file` switch the old editor still
    // blurs and disposes, and its text must not reach onChange as the new file's.
    if (!model || model.uri.toString() !== modelUri(latest.current.file)) return;
    setLarge(model.getLineCount() > LARGE_LINES);
    const version = model.getVersionId();
    if (version === agreedVersion.current) return;
    const text = model.getValue();
    agreedVersion.current = version;
    if (text === agreed.current) return;
    agreed.current = text;
    latest.current.onChange(text);
  }, []);

  const onMount = useCallback<OnMount>(
    (ed) => {
      editorRef.current = ed;
      // A (re)mounted editor starts from its model's text; the effect below brings in any newer `value`.
      const initial = ed.getModel()?.getValue() ?? "";
      setLarge((ed.getModel()?.getLineCount() ?? 0) > LARGE_LINES);
      agreed.current = initial;
      agreedVersion.current = ed.getModel()?.getVersionId() ?? -1;
      lastValueProp.current = initial;
      ed.onDidChangeModelContent(() => {
        if (applyingExternal.current) return;
        clearTimeout(changeTimer.current);
        changeTimer.current = setTimeout(flush, latest.current.changeDelay ?? 150);
      });
      ed.onDidBlurEditorText(flush);
      ed.onDidChangeCursorPosition((e) => {
        const model = ed.getModel();
        if (model) tokenizeUpTo(model, e.position.lineNumber);
        // Our own reveals (source "api") and edits from outside are not the user's cursor moves.
        if (e.source === "api" || applyingExternal.current || !latest.current.onCursorChange) return;
        clearTimeout(cursorTimer.current);
        cursorTimer.current = setTimeout(() => {
          const model = ed.getModel();
          const pos = ed.getPosition();
          if (model && pos) latest.current.onCursorChange?.({ offset: model.getOffsetAt(pos), line: pos.lineNumber, column: pos.column });
        }, 80);
      });
      // Keystrokes still waiting for the debounce are not lost on unmount: @monaco-editor/react
      // disposes the model before the editor, so flush while the model is still there.
      ed.getModel()?.onWillDispose(flush);
      ed.onDidDispose(() => {
        clearTimeout(cursorTimer.current);
        if (editorRef.current === ed) {
          editorRef.current = null;
          latest.current.onReady?.(null);
        }
      });
      latest.current.onReady?.({ flush });
      setMounted((n) => n + 1);
    },
    [flush],
  );

  // An outside change of `value` → one minimal edit on the undo stack (pending keystrokes lose to it).
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || value === lastValueProp.current) return;
    lastValueProp.current = value;
    if (value === agreed.current) return; // the parent caught up with what we emitted
    clearTimeout(changeTimer.current);
    changeTimer.current = undefined;
    const current = model.getVersionId() === agreedVersion.current ? agreed.current : model.getValue();
    agreed.current = value;
    const r = minimalReplacement(current, value);
    if (!r) {
      agreedVersion.current = model.getVersionId();
      return;
    }
    const start = model.getPositionAt(r.start);
    const end = model.getPositionAt(r.end);
    applyingExternal.current = true;
    try {
      model.pushStackElement();
      model.pushEditOperations([], [{ range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: r.text, forceMoveMarkers: true }], () => null);
      model.pushStackElement();
    } finally {
      applyingExternal.current = false;
    }
    // The model holds `value` exactly unless it normalized line breaks (CRLF, or mixed ones).
    agreedVersion.current = model.getEOL() === "\n" && !value.includes("\r") ? model.getVersionId() : -1;
    setLarge(model.getLineCount() > LARGE_LINES);
  }, [value, mounted]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(model, ENGINE_MARKER_OWNER, toMarkers(markers ?? [], { file, lineCount: model.getLineCount() }));
  }, [markers, file, mounted]);

  useEffect(() => {
    const ed = editorRef.current;
    if (ed && reveal) revealLines(ed, monaco, reveal);
  }, [reveal, mounted]);

  useEffect(() => () => clearTimeout(changeTimer.current), []);

  const options = useMemo<editor.IStandaloneEditorConstructionOptions>(
    () => ({
      readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      // Squiggles stay visible in a read-only editor (Monaco's default hides them there).
      renderValidationDecorations: "on",
      // Schema completions only; unquoted YAML values tokenize as strings, so suggest inside them too.
      // Past LARGE_LINES not as you type nor on trigger characters (Ctrl+Space still asks): the YAML
      // worker parses the whole document for each request, 1.5–2 s of a core at 2,000 routes, and
      // such requests queue up while typing goes on, taking the CPU the editor and the canvas need.
      wordBasedSuggestions: "off",
      quickSuggestions: large ? false : { other: true, comments: false, strings: true },
      suggestOnTriggerCharacters: !large,
      // Folding and sticky scroll from indentation, not from the YAML worker's document symbols: those
      // are rebuilt on every edit and, at 1,000 routes, cost the main thread seconds to receive. Past
      // LARGE_LINES even the indentation scan (both features redo it after each edit) blocks typing.
      foldingStrategy: "indentation",
      folding: !large,
      stickyScroll: { enabled: !large, defaultModel: "indentationModel" },
      // Past LARGE_LINES also the per-keystroke extras that scan beyond the edited line: bracket
      // pairs (their tree is re-parsed after edits; block YAML has few brackets anyway), bracket
      // matching, and highlighting other occurrences of the word or selection in the whole model.
      bracketPairColorization: { enabled: !large },
      guides: { bracketPairs: false, indentation: true },
      matchBrackets: large ? "never" : "always",
      occurrencesHighlight: large ? "off" : "singleFile",
      selectionHighlight: !large,
      // Scans of the whole model in Monaco's editor worker after each edit, for colours and links.
      colorDecorators: !large,
      links: !large,
    }),
    [readOnly, large],
  );

  const path = useMemo(() => modelUri(file), [file]);
  return (
    // `nokey`: React Flow (the canvas) handles Space, Backspace… on the whole document unless the
    // target is an input or inside `.nokey`; Monaco's EditContext input is neither, so without it
    // typing a space in the YAML would pan the canvas instead.
    <div data-testid="yaml-editor" className={className ? `nokey ${className}` : "nokey"} style={{ height: "100%", minHeight: 0 }}>
      <Editor
        key={path}
        path={path}
        defaultValue={value}
        defaultLanguage="yaml"
        theme={theme === "dark" ? "vs-dark" : "vs"}
        options={options}
        onMount={onMount}
        loading={<div data-testid="yaml-editor-loading">Loading editor…</div>}
      />
    </div>
  );
}

/** A file: URI ending in .yaml, so the schema's fileMatch applies. */
function modelUri(file: string | undefined): string {
  const name = (file ?? "config.yaml").replace(/^\/+/, "");
  return monaco.Uri.file(`/switchyard/${/\.ya?ml$/i.test(name) ? name : `${name}.yaml`}`).toString();
}
