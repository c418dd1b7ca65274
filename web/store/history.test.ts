/** The history slice over the real store: every origin but undo/redo's own is recorded, in one history. */
import { beforeEach, describe, expect, it } from "vitest";
import { useStore } from "./index";
import { clearHistory, recordHistory } from "./history";

describe("history slice", () => {
  let stop: () => void = () => {};
  beforeEach(() => {
    stop();
    clearHistory();
    useStore.setState({ text: "", textRevision: 0, canUndo: false, canRedo: false });
    stop = recordHistory(useStore);
  });

  it("the first text is the bottom of the history; later changes of every origin are steps", () => {
    const st = () => useStore.getState();
    st().setText("a: 1\n", "load");
    expect(st().canUndo).toBe(false);
    st().setText("a: 2\n", "visual");
    st().setText("a: 2\nb: 1\n", "editor");
    st().setText("c: 1\n", "api");
    expect(st().canUndo).toBe(true);
    expect(st().undo()).toBe(true);
    expect(st().text).toBe("a: 2\nb: 1\n");
    expect(st().textOrigin).toBe("history");
    expect(st().undo()).toBe(true);
    expect(st().text).toBe("a: 2\n");
    expect(st().undo()).toBe(true);
    expect(st().text).toBe("a: 1\n");
    expect(st().undo()).toBe(false);
    expect(st().canUndo).toBe(false);
    expect(st().canRedo).toBe(true);
    expect(st().redo()).toBe(true);
    expect(st().text).toBe("a: 2\n");
  });

  it("an edit after an undo clears the redo", () => {
    const st = () => useStore.getState();
    st().setText("x\n", "load");
    st().setText("y\n", "visual");
    st().undo();
    expect(st().canRedo).toBe(true);
    st().setText("z\n", "visual");
    expect(st().canRedo).toBe(false);
    expect(st().redo()).toBe(false);
    st().undo();
    expect(st().text).toBe("x\n");
  });
});
