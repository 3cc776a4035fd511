import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between a process and a real server (Postgres), which a test can take down
 * and bring back: a database outage without stopping the machine's Postgres, which CI and
 * other suites share. Written by hand because it is a few lines of `node:net` and what the
 * tests need is the fault control, not a proxy's features.
 */
export interface TcpProxy {
  /** The local port to connect to instead of the server's. */
  readonly port: number;
  /** Connections turned away while down: each one is a reconnect attempt of the client. */
  readonly refused: number;
  /** Cuts every open connection and turns new ones away until `up()`. */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let isDown = false;
  let refused = 0;

  const server: Server = createServer((inbound) => {
    if (isDown) {
      // Accepted and closed at once rather than not listening: the client sees its connection
      // end during the handshake, as when Postgres is restarting, and the attempt is counted.
      refused += 1;
      inbound.destroy();
      return;
    }
    const outbound = createConnection({ host: targetHost, port: targetPort });
    open.add(inbound).add(outbound);
    const forget = (socket: Socket) => () => {
      open.delete(socket);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('close', forget(inbound)).on('error', forget(inbound));
    outbound.on('close', forget(outbound)).on('error', forget(outbound));
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no TCP port');

  return {
    port: address.port,
    get refused() {
      return refused;
    },
    down() {
      isDown = true;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    up() {
      isDown = false;
    },
    close() {
      for (const socket of open) socket.destroy();
      open.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `url` with its host and port replaced by the proxy's. */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return proxied.toString();
}
