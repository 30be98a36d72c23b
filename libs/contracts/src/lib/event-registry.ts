import type { EventContract } from './event-contract';

/** Looks contracts up by type; refuses two contracts with one type. */
export class EventRegistry {
  private readonly byTypeName = new Map<string, EventContract>();

  constructor(contracts: readonly EventContract[] = []) {
    for (const contract of contracts) this.register(contract);
  }

  register(contract: EventContract): this {
    const existing = this.byTypeName.get(contract.type);
    if (existing && existing !== contract) throw new Error(`event type '${contract.type}' is registered twice`);
    this.byTypeName.set(contract.type, contract);
    return this;
  }

  find(type: string): EventContract | undefined {
    return this.byTypeName.get(type);
  }

  all(): EventContract[] {
    // Code-point order (type names are unique keys): the same on every machine, whatever its locale,
    // and no ICU collation data paged in by every service at boot.
    return [...this.byTypeName.values()].sort((a, b) => (a.type < b.type ? -1 : 1));
  }

  streams(): string[] {
    return [...new Set(this.all().map((contract) => contract.stream))].sort();
  }
}
