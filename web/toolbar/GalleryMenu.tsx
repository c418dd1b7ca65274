/** The example gallery: each example with its title and one-line description; choosing one loads it. */
import { GALLERY } from "../gallery";
import { loadExample } from "../gallery/load";
import { Menu } from "./Menu";

export function GalleryMenu() {
  return (
    <Menu label="Examples" title="Load an example configuration" testId="gallery-button">
      {(close) =>
        GALLERY.map((ex) => (
          <button
            key={ex.id}
            type="button"
            role="menuitem"
            className="menu-item gallery-item"
            data-testid={`gallery-item-${ex.id}`}
            onClick={() => {
              loadExample(ex);
              close();
            }}
          >
            <span className="menu-title">{ex.title}</span>
            <span className="menu-desc">{ex.description}</span>
          </button>
        ))
      }
    </Menu>
  );
}
