/** People and organizations are referred to by identifiers, never by names (they reach search attributes). */
export const ACTOR_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const SLUG_MAX_LENGTH = 80;
