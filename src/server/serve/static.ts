/**
 * The built app (dist/app), read-only: `/` is index.html, other paths are files under the app
 * directory and nothing else (no directory listings, no `..`, no symlink escapes, no dotfiles).
 */
import { createReadStream, existsSync, realpathSync, statSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".yaml": "text/yaml; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
};

/** Where the built app is: next to the CLI bundle (dist/cli → dist/app), or under the working directory. */
export function findAppDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, "..", "app"), join(here, "..", "..", "..", "dist", "app"), join(process.cwd(), "dist", "app")];
  return candidates.find((d) => existsSync(join(d, "index.html"))) ?? null;
}

/** The file a URL path names inside `root`, or null. */
export function resolveAppFile(root: string, pathname: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (rel === "/" || rel === "") rel = "/index.html";
  if (rel.includes("\0") || rel.includes("\\") || rel.split("/").some((s) => s === ".." || s.startsWith("."))) return null;
  const base = realpathSync(root);
  const file = resolve(base, "." + rel);
  if (!file.startsWith(base + sep)) return null;
  try {
    if (!statSync(file).isFile()) return null;
    // A symlink inside the app directory must not lead out of it.
    if (!realpathSync(file).startsWith(base + sep)) return null;
  } catch {
    return null;
  }
  return file;
}

/** Serve a file of the app, or 404. */
export function serveApp(root: string, pathname: string, res: ServerResponse): void {
  const file = resolveAppFile(root, pathname);
  if (!file) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Not found\n");
    return;
  }
  const hashed = pathname.startsWith("/assets/");
  res.writeHead(200, {
    "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": statSync(file).size,
    // Vite's assets carry a content hash; index.html must be fetched again to see a new build.
    "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
  });
  createReadStream(file).on("error", () => res.destroy()).pipe(res);
}
