import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ActorV1 } from '@technopark/contracts';

/** Who made a change, as recorded on the record and carried in its events. */
@Schema({ _id: false })
export class ActorRecord implements ActorV1 {
  @Prop({ required: true })
  id!: string;

  @Prop({ type: String, required: true })
  role!: ActorV1['role'];
}

export const ActorRecordSchema = SchemaFactory.createForClass(ActorRecord);

/** The seed loader's actor: changes no person made. */
export const SYSTEM_ACTOR: ActorV1 = { id: 'catalogue-seed', role: 'system' };
