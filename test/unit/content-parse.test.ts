import { describe, expect, it } from "vitest";
import { inappContent, readMessages, type ContentMessage } from "../../src/batch/content.js";
import {
  compareApiVersions,
  orchestrationViewUrl,
  parseOrchestrationContent,
  viewApiVersion,
  viewErrorReason,
} from "../../src/batch/content-endpoint.js";
import { BatchApiError } from "../../src/batch/errors.js";
import { parseInappCampaign, type InappCampaign } from "../../src/batch/inapp-campaign.js";

const ID = "orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q";
const LISTED = {
  id: ID,
  type: "campaign",
  name: "Soldes d'été",
  status: "running",
  source: "dashboard",
  labels: ["LABEL1"],
  created_date: "2026-03-18T09:15:00Z",
  updated_date: "2026-04-12T16:40:00Z",
  start_time: "2026-04-20T14:00:00Z",
  targeting: { segments: ["All users"], title: "not copy" },
};

/** language, title, body, deeplink, image of each message: what every shape must agree on. */
const essentials = (messages: ContentMessage[]) => messages.map((m) => [m.language, m.title, m.body, m.deeplink, m.image]);

const EXPECTED = [
  ["en", "Summer sale", "Up to 50% off", "https://shop.example/sale", "https://cdn.example/en.png"],
  ["fr", "Soldes d'été", "Jusqu'à -50 %", "https://shop.example/soldes", "https://cdn.example/fr.png"],
];

describe("view route: version rule and URL", () => {
  it("compares versions numerically, part by part", () => {
    expect(compareApiVersions("2.9", "2.10")).toBe(-1);
    expect(compareApiVersions("2.10", "2.11")).toBe(-1);
    expect(compareApiVersions("2.11", "2.11.0")).toBe(0);
    expect(compareApiVersions("3.0", "2.11")).toBe(1);
    expect(compareApiVersions("2.12", "2.11")).toBe(1);
  });

  it("calls 2.11 unless the configured version is later", () => {
    expect(viewApiVersion("2.10")).toBe("2.11");
    expect(viewApiVersion("2.9")).toBe("2.11");
    expect(viewApiVersion("2.11")).toBe("2.11");
    expect(viewApiVersion("2.12")).toBe("2.12");
    expect(viewApiVersion("3.0")).toBe("3.0");
    expect(viewApiVersion("latest")).toBe("2.11");
  });

  it("builds the URL with the id as a query parameter", () => {
    expect(orchestrationViewUrl("http://x", "2.10", "orchestration_a b").toString()).toBe("http://x/2.11/orchestrations/view?orchestration_id=orchestration_a+b");
    expect(orchestrationViewUrl("http://x", "2.13", "o").pathname).toBe("/2.13/orchestrations/view");
  });
});

describe("view route: reading the copy leniently", () => {
  it("reads the create-campaign shape: messages[] with a channel and languages[], media one level down", () => {
    const body = {
      ...LISTED,
      messages: [
        {
          channel: "push",
          languages: [
            { language: "en", title: "Summer sale", body: "Up to 50% off", deeplink: "https://shop.example/sale", media: { picture: "https://cdn.example/en.png" }, sound: "chime" },
            { language: "FR", title: "Soldes d'été", body: "Jusqu'à -50 %", deeplink: "https://shop.example/soldes", media: { picture: "https://cdn.example/fr.png" } },
          ],
        },
      ],
    };
    const content = parseOrchestrationContent(body, ID);
    expect(content).toMatchObject({ kind: "orchestration", id: ID, name: "Soldes d'été", status: "running", type: "campaign", start_time: LISTED.start_time, live: true, warnings: [] });
    expect(essentials(content.messages)).toEqual(EXPECTED);
    expect(content.messages.every((m) => m.channel === "push")).toBe(true);
    // Unknown fields of the copy are kept; the raw answer is the object itself.
    expect(content.messages[0]?.extra).toEqual({ sound: "chime" });
    expect(content.raw).toBe(body);
  });

  it("reads a message with contents keyed by language, and a link set above the copy", () => {
    const body = {
      ...LISTED,
      status: "completed",
      message: {
        deeplink: "https://shop.example/sale",
        contents: {
          en: { title: "Summer sale", body: "Up to 50% off", image: "https://cdn.example/en.png" },
          fr: { title: "Soldes d'été", body: "Jusqu'à -50 %", deeplink: "https://shop.example/soldes", image_url: "https://cdn.example/fr.png" },
        },
      },
    };
    const content = parseOrchestrationContent(body, ID);
    expect(essentials(content.messages)).toEqual(EXPECTED);
    expect(content.live).toBe(false);
  });

  it("reads push.languages[] whose entries hold their copy one level down", () => {
    const body = {
      ...LISTED,
      push: {
        languages: [
          { lang: "en", deeplink: { url: "https://shop.example/sale" }, content: { title: "Summer sale", body: "Up to 50% off", picture: "https://cdn.example/en.png" } },
          { locale: "fr", url: "https://shop.example/soldes", image: { url: "https://cdn.example/fr.png" }, notification: { title: "Soldes d'été", message: "Jusqu'à -50 %" } },
        ],
      },
    };
    expect(essentials(parseOrchestrationContent(body, ID).messages)).toEqual(EXPECTED);
  });

  it("reads a single content object as copy for every language", () => {
    const content = parseOrchestrationContent({ ...LISTED, type: "onetime", content: { title: "Hi", body: "There" } }, ID);
    expect(essentials(content.messages)).toEqual([["default", "Hi", "There", undefined, undefined]]);
    expect(content.type).toBe("campaign");
  });

  it("keeps A/B versions apart, and a language entry without copy as an empty language", () => {
    const messages = readMessages({
      versions: [
        { version: "a", languages: [{ language: "en", title: "A", body: "a" }, { language: "fr" }] },
        { version: "b", languages: [{ language: "en", title: "B", body: "b" }] },
      ],
    });
    expect(messages.map((m) => [m.version, m.language, m.title])).toEqual([["a", "en", "A"], ["a", "fr", undefined], ["b", "en", "B"]]);
  });

  it("keeps an empty entry under a language key, and reads copy nested under versions", () => {
    expect(readMessages({ contents: { en: { title: "Hi", body: "There" }, fr: {} } }).map((m) => [m.language, m.title])).toEqual([["en", "Hi"], ["fr", undefined]]);
    const deep = readMessages({ versions: [{ version: "a", messages: [{ channel: "push", languages: [{ language: "en", content: { title: "Deep", body: "copy" } }] }] }] });
    expect(deep.map((m) => [m.version, m.channel, m.language, m.title])).toEqual([["a", "push", "en", "Deep"]]);
  });

  it("finds no copy in targeting, and says so when the answer has none", () => {
    const content = parseOrchestrationContent(LISTED, ID);
    expect(content.messages).toEqual([]);
    expect(content.warnings).toEqual([expect.stringContaining("no message copy")]);
  });

  it("refuses a body that is not an object", () => {
    expect(() => parseOrchestrationContent([], ID)).toThrow(BatchApiError);
  });
});

describe("view route: what an error meant", () => {
  const http = (status: number, code?: string, batchMessage?: string) =>
    new BatchApiError({ kind: "http", api: "v2", operation: "get push campaign content", status, code, batchMessage, retryable: false });

  it("tells not-a-push, unknown id and a missing route apart", () => {
    expect(viewErrorReason(http(403, "FORBIDDEN", "The provided id resolves to an orchestration that is not a push campaign."))).toBe("not_push");
    expect(viewErrorReason(http(400, "X", "The provided id resolves to an orchestration that is not a push campaign."))).toBe("not_push");
    expect(viewErrorReason(http(404, "NOT_FOUND", "The provided orchestration id does not match any orchestration."))).toBe("unknown_id");
    expect(viewErrorReason(http(400, "INVALID_ORCHESTRATION_ID", "Unknown orchestration_id"))).toBe("unknown_id");
    expect(viewErrorReason(http(404, "NOT_FOUND", "Route not found"))).toBe("route_missing");
    expect(viewErrorReason(http(404, "ROUTE_NOT_FOUND"))).toBe("route_missing");
    expect(viewErrorReason(http(404))).toBe("route_missing");
  });

  it("leaves other answers to the generic sentences", () => {
    expect(viewErrorReason(http(403, "FORBIDDEN", "Forbidden"))).toBeUndefined();
    expect(viewErrorReason(http(400, "MALFORMED_PARAMETER", "The request is malformed"))).toBeUndefined();
    expect(viewErrorReason(http(500))).toBeUndefined();
    expect(viewErrorReason(new BatchApiError({ kind: "timeout", api: "v2", operation: "x", retryable: true }))).toBeUndefined();
  });
});

describe("in-app campaigns: copy from the landing", () => {
  const campaign = (landing: unknown): InappCampaign =>
    parseInappCampaign({ campaign_token: "t1", name: "Welcome", live: true, ...(landing !== undefined && { landing }) }) as InappCampaign;

  it("reads Batch's landing format: contents[] with language, image and actions with args", () => {
    const content = inappContent(
      campaign({
        theme: "modal",
        contents: [
          {
            language: "en",
            header: "New",
            title: "Summer sale",
            body: "Up to 50% off",
            image: { url: "https://cdn.example/en.png", description: "a basket" },
            actions: [{ label: "Shop", action: "batch.deeplink", args: { l: "https://shop.example/sale" } }, { label: "Later", action: "batch.dismiss" }],
          },
          { language: "fr", title: "Soldes d'été", body: "Jusqu'à -50 %", image: "https://cdn.example/fr.png", actions: [{ label: "Voir" }] },
        ],
      }),
    );
    expect(content).toMatchObject({ kind: "inapp_campaign", id: "t1", name: "Welcome", live: true, warnings: [] });
    expect(content.messages.map((m) => [m.language, m.title, m.body, m.image])).toEqual([
      ["en", "Summer sale", "Up to 50% off", "https://cdn.example/en.png"],
      ["fr", "Soldes d'été", "Jusqu'à -50 %", "https://cdn.example/fr.png"],
    ]);
    expect(content.messages[0]?.buttons).toEqual([{ label: "Shop", action: "batch.deeplink", url: "https://shop.example/sale" }, { label: "Later", action: "batch.dismiss" }]);
    expect(content.messages[0]?.extra).toEqual({ header: "New" });
    expect(content.messages[1]?.buttons).toEqual([{ label: "Voir" }]);
  });

  it("reads contents keyed by language, with buttons whose action is an object", () => {
    const content = inappContent(
      campaign({
        contents: {
          en: { title: "Hi", body: "Welcome", buttons: [{ text: "Go", action: { type: "deeplink", url: "app://home" } }] },
          "pt_BR": { title: "Oi", body: "Bem-vindo" },
        },
      }),
    );
    expect(content.messages.map((m) => [m.language, m.title, m.buttons])).toEqual([
      ["en", "Hi", [{ label: "Go", action: "deeplink", url: "app://home" }]],
      ["pt-br", "Oi", []],
    ]);
  });

  it("says when there is no landing, as in a listed campaign", () => {
    const content = inappContent(campaign(undefined));
    expect(content.messages).toEqual([]);
    expect(content.warnings).toEqual([expect.stringContaining("no `landing`")]);
  });
});
