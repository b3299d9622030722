/** Runs an instance command with a connected client, always closing it afterwards. */
import type { SinasClient } from '../../api/src';
import { connect, type ConnectionArgs } from './connect';
import type { ExitCode, Io } from './io';

export async function withClient(io: Io, args: ConnectionArgs, run: (client: SinasClient) => Promise<ExitCode>): Promise<ExitCode> {
  const client = await connect(io, args);
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}
