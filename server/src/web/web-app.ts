import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

const API_PREFIXES = ['/graphql', '/healthz', '/readyz', '/socket.io', '/files', '/mail'];

/**
 * Serves the built web app: its static files (hashed assets cached for a year) and index.html
 * for every other GET that is a page of the single-page app.
 */
export function webApp(webDir: string) {
  const indexHtml = path.join(webDir, 'index.html');
  const assets = express.static(webDir, {
    index: false,
    setHeaders(res, filePath) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (API_PREFIXES.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`))) return next();
    assets(req, res, () => {
      if (req.method !== 'GET' || !req.accepts('html') || !existsSync(indexHtml)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  };
}
