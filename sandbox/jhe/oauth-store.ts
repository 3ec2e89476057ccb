/**
 * The OAuth half of the sandbox's tables: django-oauth-toolkit's Applications, access and
 * refresh tokens and authorization codes, plus JHE's PatientInvitation (reference §2.2-§2.5).
 * It shares the state document with {@link JheStore} and reports every mutation back.
 */
import type {
  ApplicationRow, GrantRow, InvitationRow, RefreshTokenRow, TokenRow,
} from './model.ts';
import type { SequenceName, StoreState } from './store-state.ts';

/** OAuth clients, tokens, codes and invitations. */
export class OauthStore {
  private readonly state: StoreState;
  private readonly changed: () => void;
  private readonly nextId: (name: SequenceName) => number;
  private readonly tokensByValue = new Map<string, TokenRow>();

  constructor(
    state: StoreState, changed: () => void, nextId: (name: SequenceName) => number,
  ) {
    this.state = state;
    this.changed = changed;
    this.nextId = nextId;
    for (const row of state.tokens) this.tokensByValue.set(row.token, row);
  }

  application(id: number): ApplicationRow | undefined {
    return this.state.applications.find((row) => row.id === id);
  }

  applicationByClientId(clientId: string): ApplicationRow | undefined {
    return this.state.applications.find((row) => row.clientId === clientId);
  }

  /** The practitioner's own API clients, newest first (`practitioner_clients`, §5.5). */
  practitionerClients(practitionerId: number): ApplicationRow[] {
    return this.state.applications
      .filter((row) => row.practitionerClient?.practitionerId === practitionerId)
      .sort((a, b) => b.created - a.created || b.id - a.id);
  }

  /** Stores a new Application and gives it the next primary key. */
  insertApplication(draft: Omit<ApplicationRow, 'id'>): ApplicationRow {
    const row = { id: this.nextId('application'), ...draft };
    this.state.applications.push(row);
    this.changed();
    return row;
  }

  /** Deletes an Application with its tokens, codes and invitations (DB cascade). */
  deleteApplication(row: ApplicationRow): void {
    const { state } = this;
    state.applications = state.applications.filter((candidate) => candidate !== row);
    state.tokens = state.tokens.filter((token) => token.clientId !== row.clientId);
    state.refreshTokens = state.refreshTokens.filter((token) => token.clientId !== row.clientId);
    state.grants = state.grants.filter((grant) => grant.clientId !== row.clientId);
    state.invitations = state.invitations.filter((item) => item.applicationId !== row.id);
    for (const [value, token] of this.tokensByValue) {
      if (token.clientId === row.clientId) this.tokensByValue.delete(value);
    }
    this.changed();
  }

  /** Hands out the next PractitionerClient id. */
  nextPractitionerClientId(): number {
    return this.nextId('practitionerClient');
  }

  saveToken(row: TokenRow): void {
    this.state.tokens.push(row);
    this.tokensByValue.set(row.token, row);
    this.changed();
  }

  /** The token row when it exists and has not expired at `nowMs`. */
  liveToken(token: string, nowMs: number): TokenRow | undefined {
    const row = this.tokensByValue.get(token);
    if (!row) return undefined;
    if (nowMs >= row.expiresAt) {
      this.revokeToken(token);
      return undefined;
    }
    return row;
  }

  revokeToken(token: string): void {
    if (!this.tokensByValue.delete(token)) return;
    this.state.tokens = this.state.tokens.filter((row) => row.token !== token);
    this.changed();
  }

  saveRefreshToken(row: RefreshTokenRow): void {
    this.state.refreshTokens.push(row);
    this.changed();
  }

  refreshToken(token: string): RefreshTokenRow | undefined {
    return this.state.refreshTokens.find((row) => row.token === token);
  }

  /** Marks a refresh token used and drops the access token issued with it (DOT rotation). */
  rotateRefreshToken(row: RefreshTokenRow): void {
    row.revoked = true;
    this.revokeToken(row.accessToken);
    this.changed();
  }

  saveGrant(row: GrantRow): void {
    this.state.grants.push(row);
    this.changed();
  }

  grant(code: string): GrantRow | undefined {
    return this.state.grants.find((row) => row.code === code);
  }

  /** Removes a code once used, or every code of one user at one client (re-redemption). */
  deleteGrants(match: (row: GrantRow) => boolean): void {
    this.state.grants = this.state.grants.filter((row) => !match(row));
    this.changed();
  }

  insertInvitation(draft: Omit<InvitationRow, 'id'>): InvitationRow {
    const row = { id: this.nextId('invitation'), ...draft };
    this.state.invitations.push(row);
    this.changed();
    return row;
  }

  invitationByHash(tokenHash: string): InvitationRow | undefined {
    return this.state.invitations.find((row) => row.tokenHash === tokenHash);
  }

  /** Invitations of one patient at one client. */
  invitationsFor(patientId: number, applicationId: number): InvitationRow[] {
    return this.state.invitations.filter((row) =>
      row.patientId === patientId && row.applicationId === applicationId);
  }

  /** Saves an invitation's new status; `last_updated` is `auto_now`, so it moves too. */
  saveInvitation(row: InvitationRow, status: InvitationRow['status'], at: number): void {
    row.status = status;
    row.lastUpdated = at;
    this.changed();
  }
}
