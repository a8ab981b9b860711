// An argument the tool cannot work with, found before any request to Batch. Its message
// is the sentence shown to the user: what is wrong and what to pass instead.

export class InputError extends Error {
  override readonly name = "InputError";
}
