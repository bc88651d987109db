// No test may reach beyond this machine: connections outside loopback fail loudly.
import net from 'node:net';

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;

function allowed(host: string | undefined): boolean {
  if (host === undefined || host === '' || host === 'localhost' || host === '::1') return true;
  return host.startsWith('127.');
}

function targetHost(first: unknown, second: unknown): string | undefined {
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    return options.path !== undefined ? 'localhost' : options.host;
  }
  return typeof second === 'string' ? second : undefined;
}

const originalConnect = Reflect.get(net.Socket.prototype, 'connect') as Connect;

const guardedConnect: Connect = function (this: net.Socket, ...args: unknown[]) {
  const host = targetHost(args[0], args[1]);
  if (!allowed(host)) throw new Error(`Test tried to reach ${host}; only 127.0.0.1 is allowed.`);
  return originalConnect.apply(this, args);
};
Reflect.set(net.Socket.prototype, 'connect', guardedConnect);

process.on('unhandledRejection', (reason) => {
  throw reason;
});
