/**
 * The launch token of `switchyard serve`: the URL it prints is `http://HOST:PORT/#token=TOKEN`. The
 * fragment never reaches a server nor a Referer; the app takes the token from it and removes it from
 * the address bar at once (history.replaceState), so it is not left in the history, in bookmarks or
 * on screen. See src/server/cluster/types.ts.
 */
import { CLUSTER_TOKEN_PARAM } from "../../src/server/cluster/types";

/** What `switchyard serve` makes: base64url, 43 characters (any base64url up to 1 KiB is accepted). */
const TOKEN = /^[A-Za-z0-9_-]{16,1024}$/;

/** The token in a URL fragment (`#token=…`, possibly among other `&`-separated parameters), or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const t = params.get(CLUSTER_TOKEN_PARAM);
  return t !== null && TOKEN.test(t) ? t : null;
}

/** The fragment without the token parameter ("" when nothing else was there). */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.delete(CLUSTER_TOKEN_PARAM);
  const rest = params.toString();
  return rest ? `#${rest}` : "";
}

/** Where the tab keeps the token once it is out of the URL, so a reload stays in cluster mode. */
export const TOKEN_STORAGE_KEY = "switchyard.cluster.token";

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function sessionStore(): Store | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null; // storage disabled
  }
}

/**
 * Take the token out of the page's URL: returns it and rewrites the address without it (any
 * `#token=` is removed, even a malformed one). Without one in the URL, the token this tab took
 * before (sessionStorage: this tab only, gone when it closes), so a reload keeps cluster mode.
 */
export function takeClusterToken(loc: Pick<Location, "hash" | "pathname" | "search"> = location, hist: Pick<History, "replaceState" | "state"> = history, store: Store | null = sessionStore()): string | null {
  if (!new URLSearchParams(loc.hash.replace(/^#/, "")).has(CLUSTER_TOKEN_PARAM)) {
    const kept = store?.getItem(TOKEN_STORAGE_KEY) ?? null;
    return kept !== null && TOKEN.test(kept) ? kept : null;
  }
  const token = tokenFromHash(loc.hash);
  hist.replaceState(hist.state, "", loc.pathname + loc.search + hashWithoutToken(loc.hash));
  if (token) store?.setItem(TOKEN_STORAGE_KEY, token);
  return token;
}

/** Forget the tab's token (the server refused it, or the user left cluster mode). */
export function forgetClusterToken(store: Store | null = sessionStore()): void {
  store?.removeItem(TOKEN_STORAGE_KEY);
}
