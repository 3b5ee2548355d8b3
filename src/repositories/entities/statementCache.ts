/**
 * A bounded map of statement texts, least recently used first out. Statement texts depend only on a request's shape
 * (its plan, filters and order), so a server sees few of them; the bound keeps a client that sends endless shapes
 * from growing the map, while the shapes in use stay in it.
 */
export class StatementCache {
  private readonly texts = new Map<string, string>();

  constructor(readonly size: number) {}

  /** Given a key, returns its statement text, made by `make` when it is not kept, and marks it the most recent. */
  get(key: string, make: () => string): string {
    let text = this.texts.get(key);
    if (text === undefined) {
      text = make();
      if (this.texts.size >= this.size) this.texts.delete(this.texts.keys().next().value!);
    } else this.texts.delete(key);
    this.texts.set(key, text);
    return text;
  }
}

/**
 * The read path's statement texts. A shape is a plan (with filters and order, for a list): the API's sample
 * operations use some dozens, so a thousand keeps every shape of a real workload while bounding the rest.
 */
export const statementTexts = new StatementCache(1000);
