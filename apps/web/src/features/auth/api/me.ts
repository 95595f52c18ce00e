/** GET /me: who is logged in, the tenant (with its branding) and the role. */
export type Role = 'admin' | 'member' | 'viewer';
export type ThemePreference = 'system' | 'light' | 'dark';

export interface Branding {
  readonly logoUrl: string | null;
  readonly primaryColor: string | null;
}

export interface Me {
  readonly kind: 'user' | 'api_key';
  readonly user: { readonly id: string; readonly email: string; readonly displayName: string | null } | null;
  readonly tenant: {
    readonly id: string;
    readonly slug: string;
    readonly name: string;
    /** Absent on servers older than tenant branding. */
    readonly branding?: Branding;
  };
  readonly role: Role;
  readonly operator: boolean;
  /** Absent on servers older than user preferences. */
  readonly preferences?: { readonly theme: ThemePreference };
}
