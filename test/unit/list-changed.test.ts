import { InMemoryTransport } from "@modelcontextprotocol/server";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { buildServer } from "../../src/mcp/server.js";
import { createServices } from "../../src/workspace/create-services.js";

describe("list_changed notifications", () => {
  it("stop listening to the shared cache when their server closes (remote mode builds one server per request)", async () => {
    const services = createServices(loadConfig({}), silentLogger);
    for (let i = 0; i < 25; i++) {
      const server = buildServer(services);
      const [serverSide] = InMemoryTransport.createLinkedPair();
      await server.connect(serverSide);
      expect(services.cache.listening).toBe(1);
      await server.close();
    }
    expect(services.cache.listening).toBe(0);
  });
});
