import type { DataSource, EntityManager } from 'typeorm';
import { containsPattern } from './dto';

/**
 * What a typed search looks for: the phrase as typed, and its words after correcting typos against the vocabulary
 * of names (`search_word`, kept by triggers). Both are matched with LIKE through the trigram indexes, which stays
 * cheap at any size, unlike computing similarity for every candidate record.
 */
export interface SearchTerms {
  phrase: string;
  /**
   * Words of 2 letters or more (Vietnamese syllables are short: "bộ", "an"); those of 3 or more as typed when some
   * name has them, else the closest word that some name has.
   */
  words: string[];
}

/** Trigram similarity below which a vocabulary word is not taken as what the person meant ("ngyuen" → "nguyen": 0.27). */
const CORRECTION_SIMILARITY = 0.25;

/** One statement: splits the search into words (unaccented, lower case) and corrects each unknown one. */
export async function searchTerms(db: DataSource | EntityManager, q: string): Promise<SearchTerms> {
  const rows = (await db.query(
    `SELECT CASE WHEN length(t.word) < 3 THEN t.word ELSE coalesce(
              (SELECT s.word FROM search_word s WHERE s.word = t.word),
              (SELECT c.word FROM (
                 SELECT s.word FROM search_word s WHERE s.word % t.word
                 UNION
                 SELECT s.word FROM search_word s
                  WHERE left(s.word, 1) = left(t.word, 1)
                    AND length(s.word) BETWEEN length(t.word) - 2 AND length(t.word) + 2) c
                WHERE similarity(c.word, t.word) >= $2
                -- Swapped letters are the commonest typo: a word with the same letters wins, then the closest.
                ORDER BY f_letters(c.word) = f_letters(t.word) DESC, similarity(c.word, t.word) DESC, c.word
                LIMIT 1),
              t.word) END AS word
       FROM regexp_split_to_table(f_unaccent(lower($1)), '[^a-z0-9]+') WITH ORDINALITY AS t(word, n)
      WHERE length(t.word) >= 2
      ORDER BY t.n`,
    [q, CORRECTION_SIMILARITY],
  )) as { word: string }[];
  return { phrase: q, words: [...new Set(rows.map((row) => row.word))] };
}

/**
 * Records whose key (an unaccented, lower-case SQL expression with a trigram GIN index) contains the phrase as
 * typed, or every corrected word anywhere ("co khi vinh phuc" finds "Cơ khí An Bình Vĩnh Phúc").
 */
export function textMatchSql(key: string, terms: SearchTerms, param: (value: unknown) => string): string {
  const phrase = phraseMatchSql(key, terms, param);
  if (!terms.words.length) return phrase;
  const words = terms.words.map((word) => `${key} LIKE ${param(containsPattern(word))}`).join(' AND ');
  return `(${phrase} OR (${words}))`;
}

export function phraseMatchSql(key: string, terms: SearchTerms, param: (value: unknown) => string): string {
  return `${key} LIKE f_unaccent(lower(${param(containsPattern(terms.phrase))}))`;
}

/**
 * Runs a text-searched page with the matches gathered through the search index and then sorted. Left alone, the
 * planner may instead walk the sort order's index testing each row, expecting matches spread evenly; but matches
 * cluster in name order ("Nguyễn …", "Samsung …"), and such a walk read most of the table before finding a page.
 */
export function querySearchedPage<T>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL enable_indexscan = off');
    return (await manager.query(sql, params)) as T[];
  });
}
