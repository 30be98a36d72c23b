import { createConnection, Schema } from 'mongoose';
import { outboxPlugin } from './outbox-fields';
import { outboxCollectionsOf } from './outbox-collections';

describe('outboxCollectionsOf', () => {
  it("lists the collections of the connection's models that carry the outbox, and no other", async () => {
    const connection = createConnection(); // never opened: models register without a server
    connection.model(
      'Application',
      new Schema({ status: String }, { collection: 'applications' }).plugin(outboxPlugin),
    );
    connection.model('Startup', new Schema({ name: String }).plugin(outboxPlugin));
    connection.model('Submission', new Schema({ at: String }, { collection: 'submissions' }));
    expect(outboxCollectionsOf(connection)).toEqual(['applications', 'startups']);
    await connection.close();
  });
});
