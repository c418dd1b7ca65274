/**
 * The workspace saved between sessions. Small texts go to local storage; large ones to IndexedDB,
 * because local storage is synchronous: at 2,000 routes (3 MB) JSON.stringify + setItem blocked the
 * main thread for 100–250 ms after every pause in typing (and then failed, over the quota). An
 * IndexedDB put only copies the string on the main thread and writes elsewhere. Local storage then
 * holds a marker saying where the text is.
 */
import { STORAGE_KEY } from "./workspace";

/** Texts up to this many characters are kept in local storage (a few ms to write). */
const SMALL = 200_000;
const DB = "switchyard";
const STORE = "kv";
const DB_KEY = "workspace";

export interface SavedWorkspace {
  text: string;
  fileName: string;
}

interface Marker {
  text?: unknown;
  fileName?: unknown;
  /** The text is in IndexedDB. */
  inDb?: unknown;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB unavailable"));
  });
}

async function dbRequest<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = run(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
    });
  } finally {
    db.close();
  }
}

let writing: Promise<void> = Promise.resolve();
/** Counts saves: a database write finishing after a newer save must not point local storage at it. */
let saves = 0;

/** Save the workspace; never throws (storage full or disabled: it just does not survive a reload). */
export function saveWorkspace(text: string, fileName: string): void {
  const mine = ++saves;
  if (text.length <= SMALL || typeof indexedDB === "undefined") {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ text, fileName }));
    } catch {
      // Storage full or disabled.
    }
    return;
  }
  // Writes run one after another, so an older text never lands after a newer one.
  writing = writing
    .then(() => (mine === saves ? dbRequest("readwrite", (s) => s.put({ text, fileName }, DB_KEY)) : undefined))
    .then(() => {
      if (mine === saves) localStorage.setItem(STORAGE_KEY, JSON.stringify({ inDb: true, fileName }));
    })
    .catch(() => undefined);
}

/** The workspace saved by a previous session, if any. */
export async function savedWorkspace(): Promise<SavedWorkspace | null> {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Marker;
    const fileName = typeof v.fileName === "string" ? v.fileName : "workspace.yaml";
    if (typeof v.text === "string") return { text: v.text, fileName };
    if (v.inDb !== true || typeof indexedDB === "undefined") return null;
    const stored = (await dbRequest("readonly", (s) => s.get(DB_KEY))) as Marker | undefined;
    return stored && typeof stored.text === "string" ? { text: stored.text, fileName: typeof stored.fileName === "string" ? stored.fileName : fileName } : null;
  } catch {
    return null;
  }
}
