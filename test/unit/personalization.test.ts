import { describe, expect, it } from "vitest";
import { personalizationTags } from "../../src/batch/personalization.js";

const summary = (text: string) => personalizationTags(text).map((t) => [t.attribute, t.hasDefault]);

describe("personalization tags", () => {
  it("reads an attribute without a default", () => {
    expect(personalizationTags("Hi {{c.firstname}}!")).toEqual([{ raw: "{{c.firstname}}", index: 3, attribute: "c.firstname", filters: [], hasDefault: false }]);
  });

  it("accepts the Liquid default filter and Batch's fallback, with or without spaces", () => {
    expect(summary('Hi {{ c.firstname | default: "there" }}')).toEqual([["c.firstname", true]]);
    expect(summary("Hi {{c.firstname|fallback('there')}}")).toEqual([["c.firstname", true]]);
    expect(summary("Hi {{ c.firstname | Fallback: 'there' }}")).toEqual([["c.firstname", true]]);
  });

  it("keeps the text of a quoted default or fallback", () => {
    const texts = personalizationTags(`{{ c.a | default: "there" }} {{c.b|fallback('friend')}} {{ c.c | default: c.d }} {{c.e}}`).map((t) => t.defaultText);
    expect(texts).toEqual(["there", "friend", undefined, undefined]);
  });

  it("sees other filters, and a default after them", () => {
    const [tag] = personalizationTags('{{ b.city | upcase | default: "your city" }}');
    expect(tag).toMatchObject({ attribute: "b.city", filters: ["upcase", "default"], hasDefault: true });
    expect(summary("{{ c.points | plus: 10 }}")).toEqual([["c.points", false]]);
  });

  it("keeps a | inside a quoted fallback out of the filter list", () => {
    expect(personalizationTags("{{c.title|fallback('a | b')}}")[0]).toMatchObject({ filters: ["fallback"], hasDefault: true });
  });

  it("names no attribute for a literal or an unreadable expression", () => {
    expect(summary('{{ "now" | date: "%Y" }} {{ true }} {{ 3 }}')).toEqual([[undefined, false], [undefined, false], [undefined, false]]);
  });

  it("finds every tag, in order, and nothing in text without one", () => {
    expect(personalizationTags("{{c.a}} and {{ e.attributes.b | default: 1 }}").map((t) => [t.attribute, t.index])).toEqual([["c.a", 0], ["e.attributes.b", 12]]);
    expect(personalizationTags("no tags { here }")).toEqual([]);
  });
});
