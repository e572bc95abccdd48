// The roles and the text form of API keys, apart from the entity and the service so that
// light code (the CLI's argument checks, the ADMIN key bootstrap) can use them.
export const API_KEY_ROLES = ['COUNTY', 'CITY', 'PROVINCE', 'ADMIN'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/** ssk_<prefix: 12 of a-z 0-9>_<secret: 43 of A-Z a-z 0-9 _ -> (32 random bytes, base64url). */
export const API_KEY_PATTERN = /^ssk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
export const API_KEY_FORMAT = 'ssk_<12 of a-z 0-9>_<43 of A-Z a-z 0-9 _ ->';

/** The level of the region a key of each role is scoped to (an ADMIN key may name any). */
export const ROLE_REGION_LEVEL: Record<ApiKeyRole, 'COUNTY' | 'CITY' | 'PROVINCE' | null> = { COUNTY: 'COUNTY', CITY: 'CITY', PROVINCE: 'PROVINCE', ADMIN: null };
