/** Export: the YAML as a file, the graph as SVG or PNG (drawn by the canvas's exporter). */
import { Menu } from "./Menu";
import { exportImage, exportYaml } from "./actions";

const ITEMS = [
  { id: "yaml", title: "YAML", desc: "The configuration as a file (Ctrl+S)", run: exportYaml },
  { id: "svg", title: "SVG", desc: "The graph as a vector image", run: () => void exportImage("svg") },
  { id: "png", title: "PNG", desc: "The graph as a picture", run: () => void exportImage("png") },
];

export function ExportMenu() {
  return (
    <Menu label="Export" title="Download the YAML or a picture of the graph" testId="export-button">
      {(close) =>
        ITEMS.map((it) => (
          <button
            key={it.id}
            type="button"
            role="menuitem"
            className="menu-item"
            data-testid={`export-${it.id}`}
            onClick={() => {
              close();
              it.run();
            }}
          >
            <span className="menu-title">{it.title}</span>
            <span className="menu-desc">{it.desc}</span>
          </button>
        ))
      }
    </Menu>
  );
}
