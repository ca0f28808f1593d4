import { describe, expect, it } from '@jest/globals';
import { parseEmails } from './emails';

describe('parseEmails', () => {
  it('reads one per line or separated by commas, semicolons and spaces, without repeats or case', () => {
    expect(parseEmails('An.Nguyen@Example.com\nkim@example.kr, lee@example.kr; an.nguyen@example.com  ')).toEqual({
      emails: ['an.nguyen@example.com', 'kim@example.kr', 'lee@example.kr'],
      invalid: [],
    });
  });

  it('ignores the names around emails and sets apart what looks like a mistyped email', () => {
    expect(parseEmails('Park Ji-hoon <park@hanviet.example>\nLee Min-seo lee@hanviet\n\n')).toEqual({
      emails: ['park@hanviet.example'],
      invalid: ['lee@hanviet'],
    });
  });

  it('finds nothing in blank text', () => {
    expect(parseEmails(' \n,; ')).toEqual({ emails: [], invalid: [] });
  });
});
