import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The cursor of a keyset page (see `findPage`). */
export class PageInfo {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'WyJkIiwiMjAyNi0xMC0wMlQwOTozMDowMC4wMDBaIiwiYWJjIl0',
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

/** A page of `item` views: `class ResidencyPage extends PageOf(ResidencyView) {}` names its OpenAPI schema. */
export function PageOf<T>(item: Type<T>) {
  class PageOfItems extends PageInfo {
    @ApiProperty({ type: [item] })
    items!: T[];
  }
  return PageOfItems;
}
