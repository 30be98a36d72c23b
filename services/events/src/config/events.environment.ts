import { ServiceEnvironment } from '@technopark/platform';

/** Variables of the events service; the README describes each one. */
export class EventsEnvironment extends ServiceEnvironment {
  override PORT = 3004;
}
