// Serves the saved pages at their real addresses from a local HTTPS server: Chromium resolves every host
// to it (--host-resolver-rules) and accepts its self-signed certificate. Not request interception (the
// end-to-end tests' Playwright context.route) on purpose: that pauses every request of the browser, the
// overlay frame's own chrome-extension:// scripts included, until Node answers, which added about 80 ms to
// the frame's load when measured (ready − host insertion: 190 ms intercepted against 112 ms served, Upwork
// and Fiverr profiles). Any address not served gets a 404: there is no internet, and nothing leaves this
// machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PageServer = {
  /** Chromium switches that send every host to this server and accept its certificate. */
  chromiumArgs: string[];
  close(): Promise<void>;
};

/** A throw-away self-signed certificate (openssl, present on Linux and macOS). */
function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'track-record-bench-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=track-record-bench',
        '-days',
        '2',
      ].concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch (error) {
    throw new Error(`npm run bench needs openssl to make a local certificate: ${(error as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pages`: address (without #fragment) → HTML served there. */
export async function servePages(pages: Map<string, string>): Promise<PageServer> {
  const server = createServer(certificate(), (request, response) => {
    const html = pages.get(`https://${request.headers.host}${request.url}`);
    if (html === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    chromiumArgs: [`--host-resolver-rules=MAP * 127.0.0.1:${port}`, '--ignore-certificate-errors'],
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
