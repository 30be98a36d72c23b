import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../lib/roles';

export class WhoAmIResponse {
  @ApiProperty({ description: "The token's subject, recorded as the actor of your changes", example: 'staff-7f3a' })
  subject!: string;

  @ApiProperty({ enum: ROLES, description: 'The role you act in on this site', example: 'site-staff' })
  actingAs!: Role;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['site-staff'] })
  roles!: Role[];

  @ApiProperty({ description: 'Sites where your site-scoped roles hold', example: ['casablanca'] })
  sites!: string[];

  @ApiPropertyOptional({ example: 'st-01J9Z6' })
  startupId?: string;

  @ApiPropertyOptional({ example: 'plug-and-play' })
  partnerId?: string;

  @ApiPropertyOptional({ example: 'plug-and-play-morocco' })
  funderId?: string;

  @ApiProperty({ description: "This service's site", example: 'casablanca' })
  site!: string;
}
