import { describe, expect, it } from "vitest";
import { CursorError, decodeCursor, encodeCursor } from "../../src/workspace/listing/cursor.js";

describe("cursor", () => {
  it("round-trips the query and the exact position", () => {
    const cursor = encodeCursor("list_orchestrations", { status: ["draft"] }, { page: "abc==", skip: 37 });
    expect(decodeCursor("list_orchestrations", cursor)).toEqual({ query: { status: ["draft"] }, position: { page: "abc==", skip: 37 } });
  });

  it("refuses a cursor made by the other tool, naming it", () => {
    const cursor = encodeCursor("list_inapp_campaigns", {}, { page: "100", skip: 0 });
    expect(() => decodeCursor("list_orchestrations", cursor)).toThrow(/belongs to list_inapp_campaigns/);
  });

  it("refuses garbage and truncated cursors with a clear error", () => {
    const cursor = encodeCursor("t", {}, { page: "x", skip: 1 });
    for (const bad of ["", "hello", cursor.slice(0, -6), "bmc1.!!!!", "bmc1." + Buffer.from('{"tool":"t","skip":-1}').toString("base64url")]) {
      expect(() => decodeCursor("t", bad)).toThrow(CursorError);
    }
  });
});
