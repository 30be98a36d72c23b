/**
 * The documents a process last read or wrote, by `_id`, the least recently used dropped past
 * `capacity`: a read-decide-write loop on a versioned document can start from its copy here
 * instead of a read. A copy may be stale (another process or partition wrote since): the
 * versioned write then fails, and the loop reads the document again and forgets the copy.
 */
export class RecentDocuments<T> {
  private readonly documents = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(id: string): T | undefined {
    const document = this.documents.get(id);
    if (document !== undefined) {
      this.documents.delete(id);
      this.documents.set(id, document);
    }
    return document;
  }

  set(id: string, document: T): void {
    this.documents.delete(id);
    this.documents.set(id, document);
    if (this.documents.size > this.capacity) this.documents.delete(this.documents.keys().next().value as string);
  }

  /** Changes the copy, if one is kept, as a write the database has taken changed the document. */
  update(id: string, change: (document: T) => T): void {
    const document = this.documents.get(id);
    if (document !== undefined) this.documents.set(id, change(document));
  }

  forget(id: string): void {
    this.documents.delete(id);
  }

  get size(): number {
    return this.documents.size;
  }
}
