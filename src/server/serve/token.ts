/**
 * The per-launch token: 32 random bytes, base64url. Compared in constant time: both sides are hashed
 * first (SHA-256), so timingSafeEqual sees equal lengths and the comparison time says nothing about
 * the token, not even its length.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Whether `given` is the token. */
export function tokenMatches(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== "string" || given.length === 0 || given.length > 1024) return false;
  return timingSafeEqual(digest(given), digest(expected));
}
