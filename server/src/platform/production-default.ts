// Imported first by main.ts: `npm start` runs in production mode unless told otherwise, before
// graphql-js loads (it reads NODE_ENV once, and runs slow development checks without it).
/** True when whoever started the process chose production mode (the log format follows it). */
export const PRODUCTION_SET_BY_OPERATOR = process.env.NODE_ENV === 'production';
process.env.NODE_ENV ??= 'production';
