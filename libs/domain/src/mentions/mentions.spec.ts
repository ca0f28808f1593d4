import { mentionedUserIds, mentionToken, splitMentions } from './mentions';

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
