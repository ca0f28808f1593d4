/** What the global search box finds. */
export type SearchHitType = 'organization' | 'contact' | 'zone';

export interface SearchHit {
  type: SearchHitType;
  id: string;
  title: string;
  /** Tax code and country, email and organization, or district and zone type. */
  subtitle: string | null;
  /** 0..1, higher is closer; exact substring matches rank first. */
  score: number;
}

export interface SearchResults {
  query: string;
  hits: SearchHit[];
}
