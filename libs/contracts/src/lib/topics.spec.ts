import {
  deadLetterTopicFor,
  partnerGroupPrefixFor,
  partnerTopicFor,
  siteOfTopic,
  topicFor,
  topicPatternFor,
} from './topics';

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

  it("keeps partners' topics out of every site pattern, even for a partner named like a stream", () => {
    expect(partnerTopicFor('applications')).toBe('technopark.partners.applications');
    expect(topicPatternFor('applications').test(partnerTopicFor('applications'))).toBe(false);
    expect(siteOfTopic(partnerTopicFor('plug-and-play'))).toBeUndefined();
  });

  it("gives each partner a group prefix no other partner's id extends", () => {
    expect(partnerGroupPrefixFor('plug')).toBe('technopark.partners.plug.');
    expect('technopark.partners.plug-and-play.reader'.startsWith(partnerGroupPrefixFor('plug'))).toBe(false);
    expect(() => partnerTopicFor('Plug.And.Play')).toThrow("invalid partner 'Plug.And.Play'");
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
