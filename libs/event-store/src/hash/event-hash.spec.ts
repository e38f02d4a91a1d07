import { chainLink, contentDigest, contentFromCanonical, contentOf, eventHash } from './event-hash';
import { canonicalJson } from './canonical-json';

// Expected values computed independently, in Python:
//   json.dumps(content, sort_keys=True, separators=(',', ':'), ensure_ascii=False) -> sha256 -> hex
const EVENT = {
  streamId: 'dossier-000.01.23.H57-200610-0001',
  type: 'DossierReceived',
  schemaVersion: 1,
  data: {
    occurredAt: '2020-06-10T01:02:03.000Z',
    channel: 'counter',
    fee: 12.5,
    tags: ['a', 'b'],
    name: 'Nguyễn Văn A',
  },
  metadata: { unit: 'UBND-Hue', actor: 'clerk-1' },
};
const DIGEST = '627cfc408fe6f6ea203fda7dd53fe18a32a472261612e9702bfcb0c2ea893e46';
const HASH_1 = 'ce0b1746387fa465e190c00722b3be4dbd93856445aba444f1ec9c214c79de2a';
const HASH_2 = 'ab17704ca19560a7d1b737398e74ef4899861e0c2a82ce2253648b0522b362fb';

describe('event hash chain', () => {
  it('matches an independent implementation', () => {
    expect(contentDigest(EVENT)).toBe(DIGEST);
    expect(chainLink(null, 1, DIGEST)).toBe(HASH_1);
    expect(chainLink(HASH_1, 2, DIGEST)).toBe(HASH_2);
    expect(eventHash({ ...EVENT, streamPosition: 2, prevHash: HASH_1 })).toBe(HASH_2);
  });

  it('builds the same content from pre-serialised data and metadata', () => {
    const fromParts = contentFromCanonical(
      EVENT.streamId,
      EVENT.type,
      EVENT.schemaVersion,
      canonicalJson(EVENT.data),
      canonicalJson(EVENT.metadata),
    );
    expect(fromParts).toBe(contentOf(EVENT));
  });

  it('changes with every hashed field', () => {
    const base = eventHash({ ...EVENT, streamPosition: 1, prevHash: null });
    const variants = [
      { ...EVENT, streamId: 'other' },
      { ...EVENT, type: 'DossierResolved' },
      { ...EVENT, schemaVersion: 2 },
      { ...EVENT, data: { ...EVENT.data, fee: 13 } },
      { ...EVENT, metadata: { ...EVENT.metadata, actor: 'clerk-2' } },
    ];
    for (const variant of variants) expect(eventHash({ ...variant, streamPosition: 1, prevHash: null })).not.toBe(base);
    expect(eventHash({ ...EVENT, streamPosition: 2, prevHash: null })).not.toBe(base);
    expect(eventHash({ ...EVENT, streamPosition: 1, prevHash: HASH_1 })).not.toBe(base);
  });
});
