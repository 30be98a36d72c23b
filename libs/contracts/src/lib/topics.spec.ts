import { deadLetterTopicFor, siteOfTopic, topicFor, topicPatternFor } from './topics';

describe('topic names', () => {
  it('puts the site before the stream', () => {
    expect(topicFor('casablanca', 'applications')).toBe('technopark.casablanca.applications');
  });

  it('lets a national consumer match one stream of every site, and nothing else', () => {
    const pattern = topicPatternFor('applications');
    expect(
      ['technopark.rabat.applications', 'technopark.souss-massa.applications'].every((topic) => pattern.test(topic)),
    ).toBe(true);
    expect(pattern.test('technopark.rabat.residency')).toBe(false);
    expect(pattern.test('technopark.rabat.dlq.applications')).toBe(false);
    expect(pattern.test('other.rabat.applications')).toBe(false);
    expect(pattern.test('technopark.national.applications')).toBe(false);
    expect(topicPatternFor('applications').test('technopark.nationalpark.applications')).toBe(true);
  });

  it('narrows a national pattern to the sites it names', () => {
    const pattern = topicPatternFor('applications', 'rabat|tangier');
    expect(
      ['technopark.rabat.applications', 'technopark.tangier.applications'].every((topic) => pattern.test(topic)),
    ).toBe(true);
    expect(pattern.test('technopark.agadir.applications')).toBe(false);
    expect(pattern.test('technopark.rabat-test.applications')).toBe(false);
  });

  it('names a dead-letter topic per site and consumer group', () => {
    expect(deadLetterTopicFor('tangier', 'residency_Tangier')).toBe('technopark.tangier.dlq.residency-tangier');
  });

  it('reads the site back from a topic name', () => {
    expect(siteOfTopic('technopark.agadir.startups')).toBe('agadir');
    expect(siteOfTopic('__consumer_offsets')).toBeUndefined();
  });

  it('refuses names that would break the convention', () => {
    expect(() => topicFor('Casa Blanca', 'applications')).toThrow("invalid site 'Casa Blanca'");
    expect(() => topicFor('rabat', 'apps.v1')).toThrow("invalid stream 'apps.v1'");
  });
});
