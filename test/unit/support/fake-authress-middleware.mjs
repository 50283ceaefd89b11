/**
 * A tiny stand-in for the Authress login host, mounted in web-test-runner's dev server, so unit
 * tests can prove what the REAL @authress/login sends over the network. It records every
 * `POST /api/authentication` body; tests read them back from `GET /__test/authentication-requests`
 * (and clear them with `DELETE`). The page and this "login host" share a hostname, so the SDK
 * returns the login URL instead of navigating, which keeps the test page alive.
 */
const recorded = [];

export async function fakeAuthressMiddleware(ctx, next) {
  if (ctx.path === '/api/authentication' && ctx.method === 'POST') {
    const body = await readBody(ctx.req);
    recorded.push(JSON.parse(body));
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({
      authenticationRequestId: `req_${recorded.length}`,
      authenticationUrl: `${ctx.origin}/__fake-login?authenticationRequestId=req_${recorded.length}`,
    });
    return;
  }
  if (ctx.path === '/__test/authentication-requests') {
    if (ctx.method === 'DELETE') recorded.length = 0;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(recorded);
    return;
  }
  return next();
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
