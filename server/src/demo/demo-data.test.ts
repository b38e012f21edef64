import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDemoData, whoSchema } from './demo-data';

describe('the demo data files', () => {
  const schema = z.strictObject({
    sites: z.array(z.strictObject({ slug: z.string(), city: z.string() })),
    people: z.array(whoSchema),
  });

  it('reads a file of the expected shape', () => {
    const text = JSON.stringify({
      sites: [{ slug: 'a', city: 'B' }],
      people: ['patient', { role: 'CLINICIAN', site: 0 }],
    });
    expect(parseDemoData('x.json', text, schema).people).toEqual(['patient', { role: 'CLINICIAN', site: 0 }]);
  });

  it('fails on a malformed file, naming the file and each wrong field', () => {
    const text = JSON.stringify({
      sites: [{ slug: 'a', city: 'B' }, { slug: 'c' }],
      people: ['patient', { role: 'SURGEON', site: 0 }],
    });
    expect(() => parseDemoData('people.json', text, schema)).toThrow(/data\/people\.json: sites\[1\]\.city: /);
    expect(() => parseDemoData('people.json', text, schema)).toThrow(
      /data\/people\.json: people\[1\]: .*role: Invalid option/,
    );
  });

  it('fails on a file that is not JSON, naming it', () => {
    expect(() => parseDemoData('groups.json', '[{ "name": ', schema)).toThrow(/data\/groups\.json is not JSON/);
  });
});
