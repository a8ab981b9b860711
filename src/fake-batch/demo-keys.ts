// Keys the demo server accepts; not secrets, they only open the local fake. A module of
// its own so demo mode's client can know them without loading the fake or its data.

export const DEMO_KEYS = {
  restKey: "demo-rest-key",
  projectKey: "demo-project-key",
  apiKey: "demo-api-key",
} as const;
