/** A reference to a graph node (`Kind/ns/name`) that selects it when clicked (the editor reveals it). */
import { useStore } from "../store";
import { indexOf } from "./snapshotIndex";

export function NodeLink({ id, label }: { id: string; label?: string }) {
  const exists = useStore((s) => indexOf(s.good).nodes.has(id));
  const select = useStore((s) => s.select);
  if (!exists) return <code>{label ?? id}</code>;
  return (
    <button type="button" className="link" title={`Select ${id}`} onClick={() => select(id, "panel")}>
      {label ?? id}
    </button>
  );
}
