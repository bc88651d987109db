// No test may reach beyond this machine: connections outside loopback fail loudly.
import net from 'node:net';

const allowed = (host: string | undefined): boolean =>
  host === undefined ||
  host === 'localhost' ||
  host.startsWith('127.') ||
  host === '::1' ||
  host === '';

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string;
  const host =
    typeof first === 'object' && first !== null
      ? first.path !== undefined
        ? 'localhost'
        : first.host
      : typeof args[1] === 'string'
        ? args[1]
        : undefined;
  if (!allowed(host)) throw new Error(`Test tried to reach ${host}; only 127.0.0.1 is allowed.`);
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

process.on('unhandledRejection', (reason) => {
  throw reason;
});
