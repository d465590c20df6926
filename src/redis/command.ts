// The Redis pieces take the application's own client, node-redis (v4 and later) or ioredis (v5),
// recognised by shape, so this package depends on neither: this turns either into one command function.
import { InvalidInputError } from "../core/errors";

/** node-redis: `sendCommand(["SET", "k", "v"])`. */
export interface NodeRedisLikeClient {
  sendCommand(args: string[]): Promise<unknown>;
}

/** ioredis: `call("SET", "k", "v")`. */
export interface IORedisLikeClient {
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** A connected node-redis (v4+) or ioredis (v5) client: all the Redis pieces need of either. */
export type RedisLikeClient = NodeRedisLikeClient | IORedisLikeClient;

export type Command = (args: string[]) => Promise<unknown>;

export function commandOf(client: unknown, caller: string): Command {
  const shaped = client as Partial<IORedisLikeClient & NodeRedisLikeClient> | null | undefined;
  // ioredis has a sendCommand too, taking its own Command objects: its `call` is the one to use.
  if (typeof shaped?.call === "function") {
    const call = shaped.call.bind(client);
    return ([command, ...args]) => call(command as string, ...args);
  }
  if (typeof shaped?.sendCommand === "function") return shaped.sendCommand.bind(client);
  throw new InvalidInputError(
    "client",
    `${caller} needs a connected node-redis (v4+) or ioredis (v5) client: one with sendCommand() or call()`,
  );
}
