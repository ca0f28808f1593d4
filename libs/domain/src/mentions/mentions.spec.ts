import {
  activeMentionQuery,
  mentionedUserIds,
  mentionToken,
  splitMentions,
  toEditableText,
  toStoredBody,
} from './mentions';

const LAN = '3f1c2b9a-8d7e-4f60-9a1b-2c3d4e5f6a7b';
const MINH = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

describe('mentions', () => {
  it('finds each mentioned person once, in order', () => {
    const body = `Hỏi @[Trần Thị Lan](${LAN}) và @[Lê Minh](${MINH.toUpperCase()}), rồi báo lại @[Lan](${LAN}).`;
    expect(mentionedUserIds(body)).toEqual([LAN, MINH]);
  });

  it('ignores what only looks like a mention', () => {
    expect(mentionedUserIds('email lan@ipa.gov.vn, @Lan, @[Lan](not-an-id), @[](' + LAN + ')')).toEqual([]);
    expect(mentionedUserIds(null)).toEqual([]);
  });

  it('writes a token that reads back as the same person', () => {
    const token = mentionToken('Nguyễn [Văn] (An)', LAN.toUpperCase());
    expect(token).toBe(`@[Nguyễn Văn An](${LAN})`);
    expect(mentionedUserIds(`cc ${token}`)).toEqual([LAN]);
  });

  it('splits text around mentions', () => {
    expect(splitMentions(`Gọi @[Lan](${LAN}) trước 9h`)).toEqual([
      { text: 'Gọi ' },
      { mention: { id: LAN, name: 'Lan' } },
      { text: ' trước 9h' },
    ]);
    expect(splitMentions('no mentions')).toEqual([{ text: 'no mentions' }]);
  });
});

describe('mention text being edited', () => {
  it('turns picked names into tokens, longest first, whole names only', () => {
    const body = toStoredBody('@Lan Anh và @Lan (không phải @Lanh) xem giúp', [
      { id: LAN, name: 'Lan' },
      { id: MINH, name: 'Lan Anh' },
    ]);
    expect(body).toBe(`@[Lan Anh](${MINH}) và @[Lan](${LAN}) (không phải @Lanh) xem giúp`);
    expect(mentionedUserIds(body)).toEqual([MINH, LAN]);
  });

  it('drops people whose name was deleted from the text', () => {
    expect(toStoredBody('không nhắc ai', [{ id: LAN, name: 'Lan' }])).toBe('không nhắc ai');
  });

  it('reads a stored body back as editable text', () => {
    expect(toEditableText(`cc @[Lan](${LAN}) và @[Lan](${LAN})`)).toEqual({
      text: 'cc @Lan và @Lan',
      mentions: [{ id: LAN, name: 'Lan' }],
    });
  });

  it('finds the mention typed at the caret', () => {
    expect(activeMentionQuery('Hỏi @Tr', 7)).toEqual({ start: 4, query: 'Tr' });
    expect(activeMentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeMentionQuery('Hỏi @Trần Thị', 13)).toEqual({ start: 4, query: 'Trần Thị' });
    expect(activeMentionQuery('email lan@ipa.vn', 16)).toBeNull();
    expect(activeMentionQuery('Hỏi @Lan\nxong', 13)).toBeNull();
    expect(activeMentionQuery('Hỏi @ Lan', 9)).toBeNull();
  });
});
