import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** `:site` in a route: a site id, refused with 400 when it is not one (`..%2F..%2Fetc`). */
export class SiteParam {
  @ApiProperty({ example: 'rabat', pattern: '^[a-z][a-z0-9-]{1,39}$' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'site must be a site id: lowercase letters, digits and dashes' })
  site!: string;
}
