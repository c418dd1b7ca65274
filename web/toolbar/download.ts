/** Save a Blob as a file through a temporary object URL (no server, works offline). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name with the given extension: `shop.yml` → `shop.svg`; `workspace` → `workspace.svg`. */
export function withExtension(name: string, ext: string): string {
  const base = name.replace(/\.[A-Za-z0-9]+$/, "") || "workspace";
  return `${base}.${ext}`;
}
