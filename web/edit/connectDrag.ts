/**
 * Starting a drag-to-connect: from the grip on a selected route (canvas) or on one of its rules
 * (inspector). The canvas's connect layer follows the pointer and applies the drop.
 */
import { useStore } from "../store";

/** Begin dragging a new reference out of object `from` (its rule `rule`, for a backendRef). */
export function startConnect(from: string, rule: number | undefined, e: { clientX: number; clientY: number; preventDefault(): void; stopPropagation(): void }): void {
  e.preventDefault();
  e.stopPropagation();
  useStore.getState().setConnecting({ from, ...(rule !== undefined ? { rule } : {}), x0: e.clientX, y0: e.clientY, over: null });
}
