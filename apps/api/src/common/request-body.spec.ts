import { AppException } from './app-exception';
import { checkBodyValue, decodeBody, MAX_BODY_DEPTH } from './request-body';

function refusal(task: () => unknown): AppException {
  try {
    task();
  } catch (error) {
    if (error instanceof AppException) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('request bodies', () => {
  it('decodes UTF-8, Vietnamese included, and refuses bytes that are not UTF-8', () => {
    expect(decodeBody(Buffer.from('{"name":"Đồng Sóc"}'))).toBe('{"name":"Đồng Sóc"}');
    for (const bytes of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xe2, 0x82], [0x80]]) {
      const body = Buffer.from([...Buffer.from('{"name":"a'), ...bytes, ...Buffer.from('"}')]);
      expect(refusal(() => decodeBody(body))).toMatchObject({
        status: 400,
        detail: 'The body is not valid UTF-8 text.',
      });
    }
  });

  it('takes objects with storable text, astral characters and nesting up to the limit', () => {
    expect(() => checkBodyValue({ name: 'Khu công nghiệp 💼', tags: ['a', { b: [1, null, true] }] })).not.toThrow();
    expect(() => checkBodyValue(nested(MAX_BODY_DEPTH - 1))).not.toThrow();
  });

  it('refuses a body that is not an object', () => {
    for (const body of [null, [], 'text', 42, true])
      expect(refusal(() => checkBodyValue(body))).toMatchObject({
        status: 400,
        detail: 'The body must be a JSON object.',
      });
  });

  it('refuses NUL characters and lone surrogates, naming the field, keys included', () => {
    expect(refusal(() => checkBodyValue({ name: 'a\u0000b' })).errors).toEqual([
      { field: 'name', message: 'contains a NUL character' },
    ]);
    expect(refusal(() => checkBodyValue({ list: [{ note: 'x\ud800' }] })).errors).toEqual([
      { field: 'list[0].note', message: 'is not well-formed Unicode (a lone surrogate)' },
    ]);
    expect(refusal(() => checkBodyValue({ a: '\udc00\ud800' })).status).toBe(400);
    expect(refusal(() => checkBodyValue({ ['k\u0000']: 1 })).errors).toEqual([
      { field: 'body', message: 'has a field name that contains a NUL character' },
    ]);
  });

  it('refuses nesting past the limit without walking it recursively', () => {
    expect(refusal(() => checkBodyValue(nested(MAX_BODY_DEPTH + 1))).errors?.[0].message).toBe(
      `is nested deeper than ${MAX_BODY_DEPTH} levels`,
    );
    // Deeper than any call stack: refused all the same.
    let deep: unknown[] = [];
    const root = { deep };
    for (let i = 0; i < 200_000; i++) deep = deep[0] = [] as unknown[];
    expect(refusal(() => checkBodyValue(root)).status).toBe(400);
  });
});
