// An argument the tool cannot work with, found before any request to Batch. Its message
// is the sentence shown to the user: what is wrong and what to pass instead.

export class InputError extends Error {
  override readonly name = "InputError";
}

/** One item a handle may mean: for asking the person which (the message names them too). */
export interface Candidate {
  id: string;
  /** A handle long enough to tell it from the others. */
  handle: string;
  name?: string;
}

/** A handle several ids start with: what was passed, and what it may mean. */
export interface Ambiguity {
  input: string;
  noun: string;
  candidates: Candidate[];
}

/** An id, URI or handle that names no item, or several: the message names the candidates. */
export class RefError extends InputError {
  constructor(
    message: string,
    readonly reason: "invalid" | "ambiguous" | "not-found",
    /** Set when `reason` is "ambiguous". */
    readonly ambiguity?: Ambiguity,
  ) {
    super(message);
  }
}
