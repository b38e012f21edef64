/** The Meilisearch gateway, or null when MEILI_HOST is unset. */
export const MEILI_GATEWAY = Symbol('MEILI_GATEWAY');
