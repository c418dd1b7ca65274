/** Watch streams split into lines whatever the chunking, with a cap on one line. */
import { describe, expect, it } from "vitest";
import type { UpstreamError } from "./errors";
import { LineSplitter } from "./ndjson";

describe("LineSplitter", () => {
  it("joins lines split across chunks, multi-byte characters included", () => {
    const text = Buffer.from('{"a":"é→"}\n{"b":2}\n\n{"c":3}');
    for (let cut = 1; cut < text.length; cut++) {
      const s = new LineSplitter(1000);
      const lines = [...s.push(text.subarray(0, cut)), ...s.push(text.subarray(cut)), ...s.end()];
      expect(lines, `cut at ${cut}`).toEqual(['{"a":"é→"}', '{"b":2}', '{"c":3}']);
    }
  });

  it("refuses a line over the cap, even when it arrives in small pieces", () => {
    const failure = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as UpstreamError;
      }
      return null;
    };
    const s = new LineSplitter(10);
    expect(s.push(Buffer.from("12345"))).toEqual([]);
    expect(failure(() => s.push(Buffer.from("678901")))).toMatchObject({ problem: "too-large", detail: "watch event over 10 bytes" });
    expect(failure(() => new LineSplitter(4).push(Buffer.from("12345\n")))).toMatchObject({ problem: "too-large" });
  });
});
