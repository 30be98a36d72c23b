import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Sector, Stage } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';
import { ActorRecord, ActorRecordSchema } from '@technopark/persistence';
import { APPLICATION_STATUSES, type ApplicationAction, type ApplicationStatus } from '../domain/application-lifecycle';

@Schema({ _id: false })
export class Answer {
  @Prop({ required: true })
  question!: string;

  @Prop({ required: true })
  answer!: string;
}

@Schema({ _id: false })
export class Needs {
  @Prop({ default: 0 })
  desks!: number;

  @Prop({ default: false })
  office!: boolean;

  @Prop({ default: 0 })
  fundingAmountMad!: number;

  @Prop({ default: false })
  mentoring!: boolean;
}

/** The startup as it is now, kept in step by its events, so lists filter and search without a join. */
@Schema({ _id: false })
export class StartupSnapshot {
  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  nameKey!: string;

  @Prop({ type: [String], default: [] })
  sectors!: Sector[];

  @Prop({ type: String, required: true })
  stage!: Stage;
}

@Schema({ _id: false })
export class CommitteeScore {
  @Prop({ required: true })
  memberId!: string;

  @Prop({ type: Object, required: true })
  marks!: Record<string, number>;

  /** Out of 100, weighted by the program's rubric. */
  @Prop({ required: true })
  score!: number;

  @Prop({ default: '' })
  comment!: string;

  @Prop({ required: true })
  scoredAt!: Date;
}

@Schema({ _id: false })
export class Decision {
  @Prop({ type: String, required: true })
  outcome!: 'accepted' | 'rejected' | 'waitlisted';

  @Prop({ required: true })
  reason!: string;

  @Prop({ type: ActorRecordSchema, required: true })
  decidedBy!: ActorRecord;

  @Prop({ required: true })
  decidedAt!: Date;
}

@Schema({ _id: false })
export class HistoryEntry {
  @Prop({ type: String, required: true })
  action!: ApplicationAction | 'create';

  @Prop({ type: String })
  from?: ApplicationStatus;

  @Prop({ type: String, required: true })
  to!: ApplicationStatus;

  @Prop({ type: ActorRecordSchema, required: true })
  actor!: ActorRecord;

  @Prop({ required: true })
  at!: Date;

  /** `<subject>:<Idempotency-Key>` of the request that made the move, so its retry is answered, not refused. */
  @Prop()
  requestKey?: string;
}

@Schema({ collection: 'applications', timestamps: true })
export class Application {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  startupId!: string;

  @Prop({ required: true, index: true })
  programId!: string;

  @Prop({ required: true, index: true })
  callId!: string;

  @Prop({ type: String, required: true, enum: APPLICATION_STATUSES, index: true })
  status!: ApplicationStatus;

  @Prop({ type: SchemaFactory.createForClass(StartupSnapshot), required: true })
  startup!: StartupSnapshot;

  @Prop({ type: [SchemaFactory.createForClass(Answer)], default: [] })
  answers!: Answer[];

  @Prop({ type: SchemaFactory.createForClass(Needs), required: true })
  needs!: Needs;

  @Prop({ default: '' })
  pitch!: string;

  @Prop({ type: [SchemaFactory.createForClass(CommitteeScore)], default: [] })
  scores!: CommitteeScore[];

  @Prop({ type: SchemaFactory.createForClass(Decision) })
  decision?: Decision;

  @Prop({ type: [SchemaFactory.createForClass(HistoryEntry)], default: [] })
  history!: HistoryEntry[];

  @Prop()
  submittedAt?: Date;

  @Prop({ type: ActorRecordSchema, required: true })
  createdBy!: ActorRecord;

  /** `<startup>:<call>` while live, `<startup>:<call>:ended:<id>` after: one live application per call. */
  @Prop({ required: true, unique: true })
  liveKey!: string;

  /** `<subject>:<Idempotency-Key>`, or `none:<id>`: a retried create finds the first one. */
  @Prop({ required: true, unique: true })
  idempotencyKey!: string;

  /**
   * `<call>:<n>` once accepted (n below the cohort capacity), `none:<id>` before: the unique
   * index makes two acceptances for the last seat impossible, even at the same instant.
   */
  @Prop({ required: true, unique: true })
  cohortSeat!: string;

  @Prop({ required: true })
  requestHash!: string;

  /** Moves on with every write; a write names the version it read (`versionedWrite`). */
  @Prop({ required: true, default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ApplicationSchema = SchemaFactory.createForClass(Application).plugin(outboxPlugin);
ApplicationSchema.index({ createdAt: -1, _id: -1 });
ApplicationSchema.index({ updatedAt: -1, _id: -1 });

export function liveKeyOf(startupId: string, callId: string): string {
  return `${startupId}:${callId}`;
}

export function endedKeyOf(application: Pick<Application, '_id' | 'startupId' | 'callId'>): string {
  return `${liveKeyOf(application.startupId, application.callId)}:ended:${application._id}`;
}

export function unseated(id: string): string {
  return `none:${id}`;
}

/** The seats of a call, the likely-free ones first (`from` is the number already accepted). */
export function seatsOf(callId: string, capacity: number, from: number): string[] {
  const numbers = Array.from({ length: capacity }, (_, index) => (from + index) % capacity);
  return numbers.map((seat) => `${callId}:${seat}`);
}
