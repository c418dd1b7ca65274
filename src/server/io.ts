/** Where the CLI writes and reads, so tests can run `main` in-process and capture both streams. */
import { readFileSync } from "node:fs";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard input as text (for `-f -`). */
  stdin(): string;
}

export const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  stdin: () => readFileSync(0, "utf8"),
};
