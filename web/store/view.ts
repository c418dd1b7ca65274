import type { StateCreator } from "zustand";
import type { AppState } from "./index";

export type Theme = "light" | "dark";
/** `cluster`: the Cluster tab, shown in cluster mode only. */
export type PanelTab = "inspector" | "simulator" | "status" | "cluster";

export interface Filters {
  search: string;
  /** Namespaces hidden from the canvas. */
  hiddenNamespaces: string[];
  /** Kinds hidden from the canvas. */
  hiddenKinds: string[];
}

export interface ViewSlice {
  theme: Theme;
  panel: PanelTab;
  filters: Filters;
  /** Namespaces drawn collapsed (one summary node). */
  collapsed: string[];
  helpOpen: boolean;
  setTheme: (t: Theme) => void;
  setPanel: (p: PanelTab) => void;
  setFilters: (f: Partial<Filters>) => void;
  toggleCollapsed: (ns: string) => void;
  /** Replace the collapsed namespaces (collapse all / expand all). */
  setCollapsed: (namespaces: string[]) => void;
  setHelpOpen: (open: boolean) => void;
}

function preferredTheme(): Theme {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export const viewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  theme: preferredTheme(),
  panel: "simulator",
  filters: { search: "", hiddenNamespaces: [], hiddenKinds: [] },
  collapsed: [],
  helpOpen: false,
  setTheme: (theme) => set({ theme }),
  setPanel: (panel) => set({ panel }),
  setFilters: (f) => set((s) => ({ filters: { ...s.filters, ...f } })),
  toggleCollapsed: (ns) => set((s) => ({ collapsed: s.collapsed.includes(ns) ? s.collapsed.filter((x) => x !== ns) : [...s.collapsed, ns] })),
  setCollapsed: (collapsed) => set({ collapsed }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
});
