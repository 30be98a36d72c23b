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
