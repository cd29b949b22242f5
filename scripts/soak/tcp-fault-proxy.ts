/**
 * A loopback TCP proxy in front of PostgreSQL that can make the database "go away": `outage(ms)`
 * cuts every open connection and refuses new ones (the listening socket is closed, so clients get
 * ECONNREFUSED) until the outage ends, then listens again on the same port.
 */
import net from "node:net";

export interface TcpFaultProxy {
  port: number;
  outage(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpFaultProxy(target: { host: string; port: number }): Promise<TcpFaultProxy> {
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.once("close", () => sockets.delete(s));
  };

  const relay = (client: net.Socket) => {
    const upstream = net.connect(target.port, target.host);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once("error", cut);
    upstream.once("error", cut);
    client.once("close", cut);
    upstream.once("close", cut);
  };

  let server = net.createServer(relay);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const port = await listen(0);

  const dropAll = () => {
    for (const s of sockets) s.destroy();
  };

  return {
    port,
    async outage(ms) {
      const closed = stopListening();
      dropAll();
      await closed;
      await new Promise((r) => setTimeout(r, ms));
      server = net.createServer(relay);
      // The port was ours a moment ago; retry briefly in case the kernel still holds it.
      for (let attempt = 0; ; attempt++) {
        try {
          await listen(port);
          return;
        } catch (err) {
          if (attempt >= 50) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    async close() {
      const closed = server.listening ? stopListening() : Promise.resolve();
      dropAll();
      await closed;
    },
  };
}
