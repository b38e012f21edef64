/** Who is making a request: the signed-in user and the session they used. */
export interface Viewer {
  userId: string;
  sessionId: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    viewer?: Viewer | null;
  }
}
