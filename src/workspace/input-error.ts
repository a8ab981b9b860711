// An argument the tool cannot work with, found before any request to Batch. Its message
// is the sentence shown to the user: what is wrong and what to pass instead.

export class InputError extends Error {
  override readonly name = "InputError";
}

/** An id, URI or handle that names no item, or several: the message names the candidates. */
export class RefError extends InputError {
  constructor(
    message: string,
    readonly reason: "invalid" | "ambiguous" | "not-found",
  ) {
    super(message);
  }
}
