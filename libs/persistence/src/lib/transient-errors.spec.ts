import { mongo } from 'mongoose';
import { isTransientDatabaseError, transientWhileDisconnected } from './transient-errors';

describe('telling a database outage from a bad operation', () => {
  it('treats network, server-selection and retryable-labelled driver errors as transient', () => {
    const network = new mongo.MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017');
    const labelled = new mongo.MongoServerError({ message: 'overloaded', code: 462 });
    labelled.addErrorLabel('RetryableError');
    const wrapped = new Error('repository failed', { cause: network });

    expect([network, labelled, wrapped].map(isTransientDatabaseError)).toEqual([true, true, true]);
  });

  it('treats a duplicate key or a validation failure as permanent', () => {
    const duplicate = new mongo.MongoServerError({ message: 'E11000 duplicate key', code: 11000 });

    expect([duplicate, new TypeError('bad'), 'text', null].map(isTransientDatabaseError)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('blames any failure on the outage while the connection is down', () => {
    const connection = { readyState: 0 };
    const classify = transientWhileDisconnected(connection);

    expect(classify(new Error('Operation probes.updateOne() buffering timed out after 10000ms'))).toBe(true);
    connection.readyState = 1;
    expect(classify(new Error('Operation probes.updateOne() buffering timed out after 10000ms'))).toBe(false);
  });
});
