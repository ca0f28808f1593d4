export enum AuditAction {
  Create = 'create',
  Update = 'update',
  Delete = 'delete',
  StageMove = 'stage_move',
  Merge = 'merge',
  Login = 'login',
  LoginFailed = 'login_failed',
  Logout = 'logout',
  PasswordChange = 'password_change',
  TokenCreate = 'token_create',
  TokenRevoke = 'token_revoke',
  PermissionDenied = 'permission_denied',
  Export = 'export',
  InvitationSend = 'invitation_send',
  InvitationAccept = 'invitation_accept',
  PasswordResetRequest = 'password_reset_request',
  PasswordReset = 'password_reset',
}

export interface FieldChange {
  before: unknown;
  after: unknown;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  action: AuditAction;
  actorId: string | null;
  actorName: string | null;
  subjectType: string | null;
  subjectId: string | null;
  /** For updates: the changed fields only, with their values before and after. */
  changes: Record<string, FieldChange> | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}
