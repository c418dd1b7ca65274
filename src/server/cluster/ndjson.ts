/** Splitting a watch stream into lines (newline-delimited JSON), with a cap on a line's length. */
import { UpstreamError } from "./errors";

export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  constructor(private readonly maxLine: number) {}

  /** The complete lines in `chunk` (with what was buffered before); throws `too-large` past the cap. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.append(chunk.subarray(start, nl));
      const line = Buffer.concat(this.parts, this.size).toString("utf8").trim();
      this.parts = [];
      this.size = 0;
      if (line) lines.push(line);
      start = nl + 1;
    }
    if (start < chunk.length) this.append(chunk.subarray(start));
    return lines;
  }

  /** What is left when the stream ends (a last line without a newline). */
  end(): string[] {
    const line = Buffer.concat(this.parts, this.size).toString("utf8").trim();
    this.parts = [];
    this.size = 0;
    return line ? [line] : [];
  }

  private append(b: Buffer): void {
    this.size += b.length;
    if (this.size > this.maxLine) throw new UpstreamError("too-large", `watch event over ${this.maxLine} bytes`);
    if (b.length > 0) this.parts.push(b);
  }
}
