/**
 * The dashboard: the built single-page app (apps/web/dist) at `/`. Files are served as they are,
 * with a precompressed `.gz` twin when the browser accepts gzip; hashed files under /assets/ are
 * cached for a year, everything else is revalidated. Any other GET that is not an API or
 * operations path gets index.html, so client routes (/dora?team=core) work as links and on reload.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build -w @pulse/web` writes the dashboard. */
export const defaultWebRoot = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths that belong to the server, never to the app: unknown ones there stay JSON 404s. */
const serverPaths = /^\/(api|docs|healthz|readyz|metrics)(\/|$)/;

const notBuilt = `<!doctype html><meta charset="utf-8"><title>Pulse</title>
<p>The Pulse dashboard is not built. Run <code>npm run build -w @pulse/web</code> (or start Pulse with
<code>npm start</code>, which builds it), then reload. The API is at <a href="/docs">/docs</a>.</p>`;

export function registerWebAssets(app: FastifyInstance, root: string = defaultWebRoot): void {
  const base = resolve(root);
  const index = join(base, 'index.html');

  const send = (request: FastifyRequest, reply: FastifyReply, file: string, cache: string) => {
    const gz = `${file}.gz`;
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) && existsSync(gz);
    void reply
      .header('content-type', types[extname(file)] ?? 'application/octet-stream')
      .header('cache-control', cache)
      .header('x-content-type-options', 'nosniff')
      .header('vary', 'accept-encoding');
    if (gzip) void reply.header('content-encoding', 'gzip');
    const path = gzip ? gz : file;
    void reply.header('content-length', statSync(path).size);
    return reply.send(createReadStream(path));
  };

  app.get('/*', async (request, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    } catch {
      return reply.callNotFound();
    }
    if (serverPaths.test(path) || path.includes('\0')) return reply.callNotFound();
    const file = resolve(base, `.${path}`);
    // resolve() removed any `..`; a path that left the folder is not served.
    const inside = file === base || file.startsWith(base + sep);
    if (inside && file !== base && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('/assets/');
      return send(request, reply, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    // A missing file (with an extension) is a 404; anything else is a client route.
    if (extname(path) !== '') return reply.callNotFound();
    if (!existsSync(index)) return reply.type('text/html; charset=utf-8').status(503).send(notBuilt);
    return send(request, reply, index, 'no-cache');
  });
}
