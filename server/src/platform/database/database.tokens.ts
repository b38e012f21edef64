/** The connection string in use: the configured one, or the embedded database's. */
export const DATABASE_URL = Symbol('DATABASE_URL');
