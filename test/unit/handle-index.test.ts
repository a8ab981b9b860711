import { describe, expect, it } from "vitest";
import { HandleIndex, MIN_HANDLE } from "../../src/workspace/state/handle-index.js";

const O = "orchestration_";

describe("handle index", () => {
  it("names an item by the first 8 characters of its random part", () => {
    const index = new HandleIndex(O);
    index.add(`${O}i4geuqvb3y5ivrgh00egi7fa63v5xixr`, "Spring promo");
    expect(index.handle(`${O}i4geuqvb3y5ivrgh00egi7fa63v5xixr`)).toBe("i4geuqvb");
  });

  it("lengthens the handles of ids sharing their first 12 characters until they differ", () => {
    const index = new HandleIndex(O);
    const a = `${O}abcdefghijkl0000000000000000aaaa`;
    const b = `${O}abcdefghijkl1000000000000000bbbb`;
    const c = `${O}zzzzzzzzzzzz0000000000000000cccc`;
    for (const id of [a, b, c]) index.add(id, id);
    expect(index.handle(a)).toBe("abcdefghijkl0");
    expect(index.handle(b)).toBe("abcdefghijkl1");
    expect(index.handle(c)).toHaveLength(MIN_HANDLE);
  });

  it("finds ids by handle, by full id and by a handle with the id prefix typed in front", () => {
    const index = new HandleIndex(O);
    const a = `${O}abcdefgh11111111111111111111aaaa`;
    const b = `${O}abcdefgh22222222222222222222bbbb`;
    index.add(a, "A");
    index.add(b, "B");
    expect(index.matches("abcdefgh")).toEqual([a, b]);
    expect(index.matches("abcdefgh1")).toEqual([a]);
    expect(index.matches(`${O}abcdefgh2`)).toEqual([b]);
    expect(index.matches(a)).toEqual([a]);
    expect(index.matches("nothing")).toEqual([]);
  });

  it("keeps in-app tokens whole (no prefix) and remembers names", () => {
    const index = new HandleIndex("");
    index.add("0f3a9c2e5b7d41a8b6c9e0f1a2b3c4d5", "Welcome banner");
    expect(index.handle("0f3a9c2e5b7d41a8b6c9e0f1a2b3c4d5")).toBe("0f3a9c2e");
    expect(index.name("0f3a9c2e5b7d41a8b6c9e0f1a2b3c4d5")).toBe("Welcome banner");
  });

  it("stays unique and bounded when it forgets the oldest ids", () => {
    const index = new HandleIndex(O, 100);
    for (let i = 0; i < 250; i++) index.add(`${O}${String(i).padStart(12, "0")}xxxxxxxxxxxxxxxxxxxx`, `n${i}`);
    expect(index.size).toBeLessThanOrEqual(100);
    expect(index.has(`${O}${"249".padStart(12, "0")}xxxxxxxxxxxxxxxxxxxx`)).toBe(true);
    expect(index.has(`${O}${"0".padStart(12, "0")}xxxxxxxxxxxxxxxxxxxx`)).toBe(false);
    expect(index.handle(`${O}${"249".padStart(12, "0")}xxxxxxxxxxxxxxxxxxxx`)).toBe("000000000249");
  });
});
