// npm run backend: the reference backend on 127.0.0.1:${BACKEND_PORT ?? 8787}, configured from the environment.
import { start } from './index.js';
import { stderrLogger } from './logger.js';

try {
  const backend = await start({ port: Number(process.env['BACKEND_PORT'] ?? 8787), host: process.env['BACKEND_HOST'] ?? '127.0.0.1' }, { logger: stderrLogger });
  stderrLogger('info', 'backend-listening', {
    url: backend.url,
    authressUrl: backend.config.authressUrl,
    appUrl: backend.config.appUrl,
    outboxHttp: backend.config.outboxHttp,
    allowLoopbackIdp: backend.config.allowLoopbackIdp,
  });
  const stop = () => void backend.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`Backend failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
