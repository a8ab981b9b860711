import { describe, expect, it } from "vitest";
import { ResumePages, RESUME_PAGE_TTL_MS } from "../../src/workspace/state/resume-pages.js";

const page = (position: string | undefined) => ({ items: [1, 2, 3], position, next: "p2", warnings: [] });

describe("resume pages", () => {
  it("gives back the page a listing stopped inside, once, to the cursor resuming there", () => {
    const memo = new ResumePages();
    memo.keep("q", { page: "p1", skip: 2 }, page("p1"));
    expect(memo.take("q", { page: "p1", skip: 1 })).toBeUndefined();
    expect(memo.take("other", { page: "p1", skip: 2 })).toBeUndefined();
    expect(memo.take("q", { page: "p1", skip: 2 })).toEqual(page("p1"));
    expect(memo.take("q", { page: "p1", skip: 2 })).toBeUndefined();
  });

  it("keeps the page a cut fell on at its first item, nothing for a stop on a page boundary, and never serves a fresh listing", () => {
    const memo = new ResumePages();
    memo.keep("cut", { page: "p2", skip: 0 }, page("p2"));
    expect(memo.take("cut", { page: "p2", skip: 0 })).toEqual(page("p2"));
    memo.keep("boundary", { page: "p2", skip: 0 }, page("p1"));
    expect(memo.take("boundary", { page: "p2", skip: 0 })).toBeUndefined();
    memo.keep("first", { page: undefined, skip: 0 }, page(undefined));
    expect(memo.take("first", { page: undefined, skip: 0 })).toBeUndefined();
  });

  it("forgets pages older than its time to live", () => {
    let now = 0;
    const memo = new ResumePages(() => now);
    memo.keep("q", { page: "p1", skip: 2 }, page("p1"));
    now = RESUME_PAGE_TTL_MS;
    expect(memo.take("q", { page: "p1", skip: 2 })).toBeUndefined();
  });
});
