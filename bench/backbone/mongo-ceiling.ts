import { randomUUID } from 'node:crypto';
import { mongo } from 'mongoose';
import { kilobyte } from './measure';

/** Raw native-driver inserts of 1 KB documents into a collection with a unique index, one connection. */
export async function mongoCeiling(url: string, writes: number): Promise<number> {
  const client = new mongo.MongoClient(url, { maxPoolSize: 1 });
  await client.connect();
  const database = client.db(`bench_mongo_${randomUUID().slice(0, 8)}`);
  const collection = database.collection('documents');
  await collection.createIndex({ key: 1 }, { unique: true });
  const started = Date.now();
  // As many requests in flight as the backbone keeps (one connection serializes them anyway).
  await Promise.all(
    Array.from({ length: 10 }, async (_, lane) => {
      for (let index = lane; index < writes; index += 10)
        await collection.insertOne({ key: `document-${index}`, body: kilobyte(String(index)) });
    }),
  );
  const perSecond = writes / ((Date.now() - started) / 1000);
  await database.dropDatabase();
  await client.close();
  return perSecond;
}
