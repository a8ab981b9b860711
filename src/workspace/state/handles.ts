// One handle index per kind of item (orchestrations, in-app campaigns), for the life of the
// process: handles are unique among everything the server has seen of that kind.

import { HandleIndex } from "./handle-index.js";

export interface HandleKind {
  /** The item kind's tag ("orchestration"). */
  kind: string;
  /** What full ids start with before their random part ("orchestration_"), or "". */
  idPrefix: string;
}

export class Handles {
  private readonly byKind = new Map<string, HandleIndex>();

  for(kind: HandleKind): HandleIndex {
    let index = this.byKind.get(kind.kind);
    if (!index) {
      index = new HandleIndex(kind.idPrefix);
      this.byKind.set(kind.kind, index);
    }
    return index;
  }
}
