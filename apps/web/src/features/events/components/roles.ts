import { Role, type Me } from '@irm/contracts';

/** Managers and admins change any event and any follow-up; the server decides the same way. */
export const isManager = (me: Me) => me.role === Role.Manager || me.role === Role.Admin;
