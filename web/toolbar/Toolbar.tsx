/**
 * The toolbar: examples, open files, share, export, theme, help. It also owns the app-wide
 * keyboard shortcuts, file drag-and-drop and the shortcut overlay.
 */
import { useEffect } from "react";
import { useStore } from "../store";
import { GalleryMenu } from "./GalleryMenu";
import { ExportMenu } from "./ExportMenu";
import { HelpOverlay } from "./HelpOverlay";
import { FileDrop } from "./FileDrop";
import { FILE_INPUT_ID, copyShareLink, openFilePicker, tidyLayout, toggleTheme } from "./actions";
import { openFiles } from "./files";
import { installShortcuts } from "./shortcuts";
import { clearNotice, useNotice } from "./notice";
import { UndoButtons } from "../edit/UndoButtons";
import "./toolbar.css";

function NoticeView() {
  const n = useNotice();
  if (!n) return null;
  return (
    <div className={`notice ${n.kind}`} role="status" data-testid="notice">
      <span>{n.text}</span>
      {n.link && <input readOnly data-testid="share-link" value={n.link} onFocus={(e) => e.currentTarget.select()} aria-label="Share link" />}
      <button type="button" className="icon" aria-label="Dismiss" onClick={clearNotice}>
        ×
      </button>
    </div>
  );
}

export function Toolbar() {
  const theme = useStore((s) => s.theme);
  const fileName = useStore((s) => s.fileName);
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  useEffect(() => installShortcuts(), []);
  return (
    <header className="toolbar" data-testid="toolbar">
      <span className="brand">Switchyard</span>
      <span className="file muted" title="Workspace file">
        {fileName}
      </span>
      <GalleryMenu />
      <button type="button" data-testid="open-files" title="Open YAML files (Ctrl+O), or drop them anywhere" onClick={openFilePicker}>
        Open…
      </button>
      <input
        id={FILE_INPUT_ID}
        data-testid={FILE_INPUT_ID}
        type="file"
        multiple
        accept=".yaml,.yml,.json,application/yaml,application/json"
        hidden
        onChange={(e) => {
          if (e.target.files?.length) void openFiles(e.target.files);
          e.target.value = ""; // the same file can be opened again
        }}
      />
      <button type="button" data-testid="share" title="Copy a link that reopens this exact state (Ctrl+Shift+S)" onClick={() => void copyShareLink()}>
        Share
      </button>
      <ExportMenu />
      <button type="button" data-testid="tidy-layout" title="Tidy the graph layout: lay it out again from scratch, untangling lines edits left crossed (Alt+L)" onClick={tidyLayout}>
        Tidy
      </button>
      <UndoButtons />
      <span className="spacer" />
      <NoticeView />
      <button type="button" data-testid="theme-toggle" title="Light or dark theme (Alt+T)" aria-label={`Switch to ${theme === "dark" ? "light" : "dark"} theme`} onClick={toggleTheme}>
        {theme === "dark" ? "☀" : "☾"}
      </button>
      <button type="button" data-testid="help-button" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" onClick={() => setHelpOpen(true)}>
        ?
      </button>
      <HelpOverlay />
      <FileDrop />
    </header>
  );
}
