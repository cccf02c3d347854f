// Compiled (never run) by `npm run typecheck` and by test/declarations.test.js: the declarations
// of lib/hwbridge.js must fit polkadot-js's own Signer and Injected types, and must refuse misuse.

import type { Signer, SignerPayloadJSON as PjsSignerPayloadJSON, SignerPayloadRaw as PjsSignerPayloadRaw } from '@polkadot/types/types';
import type { Injected as PjsInjected, InjectedAccount as PjsInjectedAccount, InjectedWindowProvider as PjsInjectedWindowProvider } from '@polkadot/extension-inject/types';

import {
  DEFAULT_URL, ErrorCode, HwbridgeClient, HwbridgeError, HwbridgeSigner, NOTIFICATIONS, VERSION, autoSession, injectHwbridge
} from '../lib/hwbridge.js';
import type { AccountRecord, DevicePrompt, Features, HwbridgeBackup, InjectedAccount, KeyringJson, RestoreResult } from '../lib/hwbridge.js';

export async function usage (payload: PjsSignerPayloadJSON, raw: PjsSignerPayloadRaw): Promise<void> {
  const client = new HwbridgeClient({ WebSocket, reconnectDelayMs: 100 });
  await client.connect(DEFAULT_URL);
  const info = await client.bridge.info();
  const protocol: number = info.protocolVersion;
  const [device] = await client.device.list();
  const echo: string = (await client.device.ping({ device: device.id, data: '0x01' })).data;
  const { session } = await client.session.acquire({ device: device.id });
  const features: Features = await client.device.unlock({ session });
  const locked: boolean = features.locked;
  const account = await client.account.derive({ session, scheme: 'sr25519', path: '//polkadot//0', ss58Format: 0, name: 'Savings' });
  const records: AccountRecord[] = await client.account.list();
  const backup: HwbridgeBackup = await client.backup.export({ format: 'hwbridge' });
  const files: KeyringJson[] = await client.backup.export({ format: 'polkadot-js' });
  const restored: RestoreResult = await client.backup.restore({ session, document: backup });
  const json: KeyringJson = await client.account.exportEncrypted({ session, scheme: 'ed25519', path: '//kusama', password: 'pw' });
  await client.account.importEncrypted({ session, json, password: 'pw' });
  const { multiSignature } = await client.account.sign({ session, address: account.address, signerPayload: payload });
  await client.account.sign({ session, scheme: 'ecdsa', path: '//0', payload: multiSignature });
  const off = client.on('device.prompt', (prompt: DevicePrompt) => prompt.progress?.current);
  off();
  client.on('session.ended', ({ reason }) => reason === 'stolen');
  client.on('connected', ({ reconnected }) => reconnected);
  client.on('disconnected', ({ willReconnect }) => willReconnect);
  const anything = await client.call<{ ok: boolean }>('some.method', { x: 1 });

  // @ts-expect-error device.ping needs a device id
  await client.device.ping({});
  // @ts-expect-error device.features needs a session
  await client.device.features({});
  // @ts-expect-error a scheme the device does not know
  await client.account.derive({ session, scheme: 'ethereum', path: '', ss58Format: 0 });
  // @ts-expect-error backup.export needs a format
  await client.backup.export({});
  // @ts-expect-error signRaw takes a SignerPayloadRaw
  await new HwbridgeSigner(client, { session }).signRaw(payload);

  try {
    await client.device.wipe({ session });
  } catch (error) {
    if (error instanceof HwbridgeError && error.code === ErrorCode.USER_REJECTED) {
      const name: string = error.name;
      const field = error.data?.field;
    }
  }

  // The signer fits @polkadot/types' (and so @polkadot/api's) Signer.
  const signer: Signer = new HwbridgeSigner(client, { session: autoSession(client) });
  const result = await signer.signPayload!(payload);
  const id: number = result.id;
  await new HwbridgeSigner(client, { session }).signRaw(raw);

  // The injected entry fits extension-inject's InjectedWindowProvider, and what enable() gives fits Injected.
  const entry: PjsInjectedWindowProvider = injectHwbridge({ client, authorize: (origin) => origin !== 'evil', window });
  const injected: PjsInjected = await injectHwbridge({ client }).enable('my dapp');
  const accounts: PjsInjectedAccount[] = await injected.accounts.get();
  const ours: InjectedAccount[] = accounts.filter((a): a is InjectedAccount => a.type !== 'ethereum');
  const unsubscribe: () => void = injected.accounts.subscribe((list) => console.log(list.length));
  const known = await injected.metadata!.get();
  const provided: boolean = await injected.metadata!.provide({ chain: 'Polkadot', genesisHash: '0x01', icon: 'polkadot',
    ss58Format: 0, specVersion: 1, tokenDecimals: 10, tokenSymbol: 'DOT', types: {}, rawMetadata: '0x00' });
  const chains = await client.chain.list();
  const signed = await new HwbridgeSigner(client, { session }).signPayload({ ...payload, withSignedTransaction: true });
  const extrinsic: string | undefined = signed.signedTransaction;
  unsubscribe();

  const version: string = VERSION;
  const first: 'device.attached' = NOTIFICATIONS[0];
  client.close();
  void [protocol, locked, records, files, restored, anything, id, entry, ours, version, first, known, provided, chains,
    extrinsic];
}
