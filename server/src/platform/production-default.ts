// Imported first by main.ts: `npm start` runs in production mode unless told otherwise, before
// graphql-js loads (it reads NODE_ENV once, and runs slow development checks without it).
process.env.NODE_ENV ??= 'production';
