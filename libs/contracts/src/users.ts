export enum Role {
  Admin = 'admin',
  Manager = 'manager',
  Staff = 'staff',
}

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
