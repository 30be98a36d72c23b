/** The dimension of a sector's cell, alone or within a program: `sector:ai`, `program:incubation:sector:ai`, `sector:ai:days:12`. */
export function sectorDimension(sector: string, programId?: string, bucket?: string): string {
  return [programId ? `program:${programId}` : undefined, `sector:${sector}`, bucket].filter(Boolean).join(':');
}
