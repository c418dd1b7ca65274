/**
 * Text ⇄ compact URL-safe text: UTF-8, raw DEFLATE (CompressionStream "deflate-raw", built into
 * Chromium and Node ≥ 18, so share links need no library and no server), then base64url.
 */

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** base64url without padding (RFC 4648 §5): safe in a URL fragment as is. */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  // Chunked: String.fromCharCode(...bytes) overflows the argument stack on large inputs.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Inverse of toBase64Url; null when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** Compress a text into base64url. */
export async function pack(text: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw")));
}

/** Decompress what `pack` made; null when the input is not such a text (truncated or edited links). */
export async function unpack(packed: string): Promise<string | null> {
  const bytes = fromBase64Url(packed);
  if (!bytes) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await pipe(bytes, new DecompressionStream("deflate-raw")));
  } catch {
    return null;
  }
}
