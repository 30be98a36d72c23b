import { Type } from 'class-transformer';
import { IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { ActorV1 } from './actor.v1';

/** What every application event carries: which application, of which startup, to which call, and who acted. */
export class ApplicationReferenceV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  startupId!: string;

  @IsString()
  @Length(1, 100)
  programId!: string;

  @IsString()
  @Length(1, 100)
  callId!: string;

  @ValidateNested()
  @Type(() => ActorV1)
  actor!: ActorV1;
}
