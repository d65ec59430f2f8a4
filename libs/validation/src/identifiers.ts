/** People and organizations are referred to by identifiers, never by names (they reach search attributes). */
export { ACTOR_ID_PATTERN } from '../../contracts/src';
export const SLUG_MAX_LENGTH = 80;
