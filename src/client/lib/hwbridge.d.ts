// TypeScript declarations of lib/hwbridge.js. The polkadot-js shapes (SignerPayloadJSON,
// SignerPayloadRaw, SignerResult, InjectedAccount, Injected) are declared here structurally, so
// this package needs no polkadot-js types at run time; types-check/usage.ts checks that they fit
// @polkadot/types' Signer and @polkadot/extension-inject's Injected.

/** 0x-prefixed hex, as @polkadot/util's HexString. */
export type HexString = `0x${string}`;

/** A key scheme the device signs with. */
export type KeyScheme = 'sr25519' | 'ed25519' | 'ecdsa';

/** The daemon's default WebSocket URL. */
export declare const DEFAULT_URL: 'ws://127.0.0.1:21335/';

/** This package's version, also what the injected provider reports. */
export declare const VERSION: string;

/** The daemon's error codes (daemon/API.md) and the client's own (2000 and up). */
export declare const ErrorCode: Readonly<{
  PARSE_ERROR: -32700;
  INVALID_REQUEST: -32600;
  METHOD_NOT_FOUND: -32601;
  INVALID_PARAMS: -32602;
  INTERNAL_ERROR: -32603;
  BUSY: 1000;
  NO_SESSION: 1001;
  DEVICE_GONE: 1002;
  USER_REJECTED: 1003;
  LOCKED: 1004;
  NOT_INITIALIZED: 1005;
  ALREADY_INITIALIZED: 1006;
  TIMEOUT: 1007;
  CANCELLED: 1008;
  PIN_INVALID: 1009;
  WIPED: 1010;
  INVALID_PATH: 1011;
  INVALID_PAYLOAD: 1012;
  INVALID_BACKUP: 1013;
  WRONG_PASSWORD: 1014;
  INVALID_JSON: 1015;
  UNKNOWN_IDENTITY: 1016;
  UNKNOWN_ACCOUNT: 1017;
  DEVICE_ERROR: 1018;
  RATE_LIMITED: 1019;
  /** The metadata proof does not give the payload's metadata hash, or that hash is not the registered digest. */
  METADATA_MISMATCH: 1020;
  /** A transaction without a metadata proof while blind signing is off on the device. */
  BLIND_SIGNING_DISABLED: 1021;
  /** The device does not do this at all (a Ledger sets up, recovers, wipes and exports on itself). */
  UNSUPPORTED: 1022;
  /** A page (through the browser extension) whose origin the user has not approved, or revoked. */
  ORIGIN_NOT_APPROVED: 1023;
  /** A Ledger whose Polkadot app is not open: open it on the Ledger and call again. */
  APP_NOT_OPEN: 1024;
  /** The daemon holds the chain's metadata, but not for the payload's spec version: data.hint is "chain.addMetadata". */
  METADATA_OUTDATED: 1025;
  /** The connection dropped while the call was in flight: it may or may not have run. Not retried. */
  CONNECTION_LOST: 2000;
  /** Called while there is no open connection (before connect, or while reconnecting). */
  NOT_CONNECTED: 2001;
  /** `close()` was called. */
  CLIENT_CLOSED: 2002;
  /** The WebSocket could not be opened. */
  CONNECT_FAILED: 2003;
  /** The daemon answered something that is not a JSON-RPC 2.0 reply to the call. */
  BAD_RESPONSE: 2004;
}>;

/** The stable name of an error code, e.g. "BUSY". */
export type ErrorName = keyof typeof ErrorCode;

/** The notifications the daemon sends. */
export declare const NOTIFICATIONS: readonly ['device.attached', 'device.detached', 'device.prompt', 'session.ended', 'origin.pending', 'origin.changed'];

/** An error's `data`: always `name`; some errors add more. */
export interface ErrorData {
  name?: string;
  /** INVALID_PARAMS, INVALID_PATH, INVALID_PAYLOAD: the parameter at fault. */
  field?: string;
  /** INVALID_BACKUP: the JSON pointer of the first problem. */
  pointer?: string;
  /** NOT_INITIALIZED from backup.restore: "device.recover". */
  hint?: string;
  /** CONNECTION_LOST, CONNECT_FAILED: the WebSocket close code. */
  closeCode?: number;
  [member: string]: unknown;
}

/** A failed call: `code` numeric, `name` its stable name (`data.name`), `data` the error's data. */
export declare class HwbridgeError extends Error {
  constructor(code: number, message: string, data?: ErrorData | null);
  code: number;
  name: ErrorName | string;
  data: ErrorData | null;
}

// ---- results and notifications (daemon/API.md) ----

export interface BridgeInfo {
  name: string;
  version: string;
  protocolVersion: number;
}

export interface DeviceInfo {
  id: string;
  transport: 'hid' | 'usb' | 'udp';
  label: string | null;
  model: string | null;
  /** The session holding the device, or null when it is free. */
  session: string | null;
}

export interface Features {
  deviceId: string;
  label: string | null;
  model: string;
  firmwareVersion: string;
  initialized: boolean;
  locked: boolean;
  identities: string[];
  schemes: KeyScheme[];
  /** Whether the device signs a transaction it cannot show (no metadata proof), after a warning. */
  blindSigning: boolean;
}

export interface PromptProgress {
  current: number;
  total: number;
  text: string;
}

export interface DevicePrompt {
  device: string;
  session: string;
  kind: 'confirm' | 'pin' | 'word' | 'password' | 'text';
  title: string;
  lines: string[];
  progress?: PromptProgress;
}

export interface SessionEnded {
  session: string;
  device: string;
  reason: 'stolen' | 'detached';
}

export interface DerivedAccount {
  address: string;
  publicKey: HexString;
  scheme: KeyScheme;
  path: string;
  ss58Format: number;
}

/** An account of the daemon's registry (account.list). */
export interface AccountRecord {
  name: string;
  address: string;
  publicKey: HexString;
  scheme: KeyScheme;
  path: string;
  passwordProtected: boolean;
  ss58Format: number;
  genesisHash: HexString | null;
  /** null for the device's default seed. */
  identity: string | null;
  deviceFingerprint: HexString | null;
  createdAt: string;
}

export interface SignatureResult {
  /** 64 bytes (ecdsa: 65). */
  signature: HexString;
  /** The same with the MultiSignature scheme byte in front (0 ed25519, 1 sr25519, 2 ecdsa). */
  multiSignature: HexString;
}

/** A runtime whose metadata the daemon holds (chain.addMetadata). */
export interface ChainSummary {
  genesisHash: HexString;
  specName: string;
  specVersion: number;
  ss58Format: number;
  /** The RFC-0078 metadata hash that CheckMetadataHash carries. */
  metadataHash: HexString;
}

/** An entry of chain.list. */
export interface ChainRecord extends ChainSummary {
  tokenDecimals: number;
  tokenSymbol: string;
}

export interface AddMetadataParams {
  genesisHash: HexString;
  /** RuntimeMetadataPrefixed V15 or V16, bare or Option-wrapped, as 0x-hex. */
  metadata: HexString;
  tokenDecimals: number;
  tokenSymbol: string;
}

/** A polkadot-js JSON v3 account file. */
export interface KeyringJson {
  encoded: string;
  encoding: { content: string[]; type: string[]; version: string };
  address: string;
  meta: { name?: string; whenCreated?: number; [member: string]: unknown };
}

export interface ImportedAccount {
  address: string;
  publicKey: HexString;
  scheme: KeyScheme;
  identity: string;
}

export interface BackupAccount {
  name: string;
  address: string;
  publicKey: HexString;
  scheme: KeyScheme;
  path: string;
  passwordProtected: boolean;
  ss58Format: number;
  genesisHash: HexString | null;
}

/** The hwbridge backup format (backup.export with format "hwbridge"). */
export interface HwbridgeBackup {
  format: 'hwbridge-backup';
  version: 1;
  createdAt: string;
  device: { label: string | null; fingerprint: HexString };
  accounts: BackupAccount[];
}

export interface RestoreResult {
  restored: AccountRecord[];
  mismatched: Array<{
    address: string;
    reason: 'differentSeed' | 'keyDiffers' | 'noPath' | 'rejected' | 'deviceRefused';
  }>;
}

// ---- polkadot-js shapes ----

/** @polkadot/types SignerPayloadJSON (a transaction to sign). */
export interface SignerPayloadJSON {
  address: string;
  assetId?: HexString | null;
  blockHash: HexString;
  blockNumber: HexString;
  era: HexString;
  genesisHash: HexString;
  metadataHash?: HexString | null;
  method: string;
  mode?: number;
  nonce: HexString;
  specVersion: HexString;
  tip: HexString;
  transactionVersion: HexString;
  signedExtensions: string[];
  version: number;
  withSignedTransaction?: boolean;
}

/** @polkadot/types SignerPayloadRaw (a message to sign). */
export interface SignerPayloadRaw {
  address: string;
  data: string;
  type: 'bytes' | 'payload';
}

/** @polkadot/types SignerResult. */
export interface SignerResult {
  id: number;
  signature: HexString;
  /** The whole signed extrinsic, when the payload asked for it (withSignedTransaction). */
  signedTransaction?: HexString;
}

/** @polkadot/extension-inject MetadataDef: what a dapp offers with metadata.provide. */
export interface MetadataDef {
  chain: string;
  genesisHash: HexString;
  icon: string;
  ss58Format: number;
  specVersion: number;
  tokenDecimals: number;
  tokenSymbol: string;
  types: Record<string, unknown>;
  /** RuntimeMetadataPrefixed V15 or later as 0x-hex: what hwbridge takes (chain.addMetadata). */
  rawMetadata?: HexString;
  chainType?: 'substrate' | 'ethereum';
  color?: string;
  userExtensions?: Record<string, unknown>;
}

/** @polkadot/extension-inject InjectedMetadataKnown. */
export interface InjectedMetadataKnown {
  genesisHash: string;
  specVersion: number;
}

/** @polkadot/extension-inject InjectedMetadata. */
export interface InjectedMetadata {
  get: () => Promise<InjectedMetadataKnown[]>;
  provide: (definition: MetadataDef) => Promise<boolean>;
}

/** @polkadot/extension-inject InjectedAccount. */
export interface InjectedAccount {
  address: string;
  genesisHash?: string | null;
  name?: string;
  type?: KeyScheme;
}

/** @polkadot/extension-inject InjectedAccounts. */
export interface InjectedAccounts {
  get: (anyType?: boolean) => Promise<InjectedAccount[]>;
  subscribe: (cb: (accounts: InjectedAccount[]) => void | Promise<void>) => () => void;
}

/** What `enable()` resolves to: @polkadot/extension-inject Injected (without metadata or provider). */
export interface Injected {
  accounts: InjectedAccounts;
  metadata: InjectedMetadata;
  signer: HwbridgeSigner;
}

/** `window.injectedWeb3[name]`: @polkadot/extension-inject InjectedWindowProvider. */
export interface InjectedWindowProvider {
  enable: (originName: string) => Promise<Injected>;
  version: string;
}

// ---- method params ----

export interface SessionParams {
  session: string;
}

export interface SetupParams extends SessionParams {
  wordCount: 12 | 15 | 18 | 21 | 24;
  label?: string;
  identity?: string;
}

export interface RecoverParams extends SessionParams {
  wordCount: 12 | 15 | 18 | 21 | 24;
  identity?: string;
}

export interface DeriveParams extends SessionParams {
  scheme: KeyScheme;
  path: string;
  ss58Format: number;
  identity?: string;
  name?: string;
  show?: boolean;
  passphrase?: boolean;
  genesisHash?: HexString;
}

export interface DiscoverParams extends SessionParams {
  scheme: KeyScheme;
  /** A path with `{i}`, e.g. "//polkadot//{i}". */
  pathTemplate: string;
  from: number;
  count: number;
  ss58Format: number;
  identity?: string;
}

/** account.sign by key: the bytes of a transaction signing payload. */
export interface SignByKeyParams extends SessionParams {
  scheme: KeyScheme;
  path: string;
  payload: HexString;
  identity?: string;
  passphrase?: boolean;
  ss58Format?: number;
}

/** account.sign by registered account: a polkadot-js signer payload. */
export interface SignByAccountParams extends SessionParams {
  address: string;
  signerPayload: SignerPayloadJSON | SignerPayloadRaw;
}

export interface ExportEncryptedParams extends SessionParams {
  scheme: KeyScheme;
  path: string;
  password: string;
  identity?: string;
  passphrase?: boolean;
  name?: string;
  ss58Format?: number;
}

export interface ImportEncryptedParams extends SessionParams {
  json: KeyringJson | string;
  password: string;
  identity?: string;
}

export interface RestoreParams extends SessionParams {
  document: HwbridgeBackup | KeyringJson | KeyringJson[];
  identity?: string;
}

// ---- the client ----

/** What the client needs of a WebSocket: the browser's, or the `ws` package's in Node. */
export interface WebSocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: any) => void) | null;
  onmessage: ((event: any) => void) | null;
  onclose: ((event: any) => void) | null;
  onerror: ((event: any) => void) | null;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface HwbridgeClientOptions {
  /** A WebSocket constructor (default: the global one; in Node 20 pass the `ws` package's). */
  WebSocket?: WebSocketConstructor;
  /** Reconnect after an open connection drops (default true). */
  reconnect?: boolean;
  /** First backoff delay in ms (default 250); it doubles per failed attempt. */
  reconnectDelayMs?: number;
  /** Longest backoff delay in ms (default 10000). */
  maxReconnectDelayMs?: number;
  /** How long one attempt to open may take, in ms (default 10000). */
  connectTimeoutMs?: number;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
}

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ConnectedEvent {
  url: string;
  /** True when this open follows a dropped connection: sessions must be acquired again. */
  reconnected: boolean;
}

export interface DisconnectedEvent {
  code: number;
  reason: string;
  willReconnect: boolean;
}

/** The events `on()` knows by name, with what their handlers receive. */
export interface HwbridgeEvents {
  'device.attached': DeviceInfo;
  'device.detached': DeviceInfo;
  'device.prompt': DevicePrompt;
  'session.ended': SessionEnded;
  connected: ConnectedEvent;
  disconnected: DisconnectedEvent;
}

/** A client for the hwbridge daemon's WebSocket JSON-RPC 2.0 API. */
export declare class HwbridgeClient {
  constructor(options?: HwbridgeClientOptions);

  readonly url: string | null;
  readonly state: ConnectionState;
  readonly connected: boolean;

  connect(url?: string): Promise<void>;
  call<T = unknown>(method: string, params?: object): Promise<T>;
  on<E extends keyof HwbridgeEvents>(event: E, handler: (value: HwbridgeEvents[E]) => void): () => void;
  on(event: string, handler: (params: any) => void): () => void;
  off<E extends keyof HwbridgeEvents>(event: E, handler: (value: HwbridgeEvents[E]) => void): void;
  off(event: string, handler: (params: any) => void): void;
  close(): void;

  readonly bridge: {
    readonly info: () => Promise<BridgeInfo>;
  };
  readonly device: {
    readonly list: () => Promise<DeviceInfo[]>;
    readonly subscribe: () => Promise<DeviceInfo[]>;
    /** The device's echo of `data` (0x-hex, at most 64 bytes); needs no session. */
    readonly ping: (params: { device: string; data?: string }) => Promise<{ data: string }>;
    readonly features: (params: SessionParams) => Promise<Features>;
    readonly unlock: (params: SessionParams) => Promise<Features>;
    readonly setup: (params: SetupParams) => Promise<Features>;
    readonly recover: (params: RecoverParams) => Promise<Features>;
    readonly wipe: (params: SessionParams) => Promise<Features>;
    /** Asks the device to change a setting; the user confirms on the device. */
    readonly settings: (params: SessionParams & { blindSigning?: boolean }) => Promise<Features>;
  };
  readonly session: {
    readonly acquire: (params: { device: string; previous?: string }) => Promise<{ session: string }>;
    readonly release: (params: SessionParams) => Promise<null>;
  };
  readonly account: {
    readonly derive: (params: DeriveParams) => Promise<DerivedAccount>;
    readonly discover: (params: DiscoverParams) => Promise<DerivedAccount[]>;
    readonly sign: (params: SignByKeyParams | SignByAccountParams) => Promise<SignatureResult>;
    readonly list: (params?: Record<string, never>) => Promise<AccountRecord[]>;
    readonly forget: (params: { address: string }) => Promise<null>;
    readonly exportEncrypted: (params: ExportEncryptedParams) => Promise<KeyringJson>;
    readonly importEncrypted: (params: ImportEncryptedParams) => Promise<ImportedAccount>;
  };
  readonly backup: {
    readonly export: {
      (params: { format: 'hwbridge'; addresses?: string[] }): Promise<HwbridgeBackup>;
      (params: { format: 'polkadot-js'; addresses?: string[] }): Promise<KeyringJson[]>;
    };
    readonly restore: (params: RestoreParams) => Promise<RestoreResult>;
  };
  readonly chain: {
    readonly addMetadata: (params: AddMetadataParams) => Promise<ChainSummary>;
    readonly list: (params?: Record<string, never>) => Promise<ChainRecord[]>;
    readonly forget: (params: { genesisHash: HexString; specVersion: number }) => Promise<{ forgotten: boolean }>;
  };
  /** Per-origin approval of pages behind the browser extension (API.md, "origin.request"). */
  readonly origin: {
    readonly request: (params: { origin: string; appName: string; pageOrigin?: string }) => Promise<{ origin: string; approved: boolean }>;
    readonly decide: (params: { origin: string; approve: boolean; appName?: string }) => Promise<null>;
    readonly list: (params?: Record<string, never>) => Promise<OriginList>;
    readonly revoke: (params: { origin: string }) => Promise<{ revoked: boolean }>;
  };
}

/** What origin.list answers: the approved origins and the prompts waiting for the user. */
export interface OriginList {
  approved: Array<{ origin: string; appName: string; kind: 'page' | 'extension'; approvedAt: string }>;
  pending: Array<{ origin: string; appName: string; kind: 'page' | 'extension'; since: string }>;
}

/** A session id, or a function giving one (called before every signature). */
export type SessionSource = string | (() => string | Promise<string>);

export interface AutoSessionOptions {
  /** A device id; default the first the daemon lists. */
  device?: string;
  /** Call device.unlock after acquiring (default true). */
  unlock?: boolean;
}

/**
 * A session source that acquires (and unlocks) on first use, and again after the connection
 * dropped or the session ended.
 */
export declare function autoSession(
  client: HwbridgeClient,
  options?: AutoSessionOptions
): (() => Promise<string>) & { release: () => Promise<void> };

/** A polkadot-js Signer backed by the daemon: keys stay on the device. */
/** What the signer uses of an @polkadot/api ApiPromise. */
export interface ApiLike {
  genesisHash: { toHex(): string };
  runtimeVersion: { specVersion: { toString(): string } };
  runtimeMetadata: { version: number; toHex(): string };
  registry: { chainDecimals: number[]; chainTokens: string[] };
}

export declare class HwbridgeSigner {
  /**
   * `api`: an @polkadot/api ApiPromise (anything with its genesisHash, runtimeVersion,
   * runtimeMetadata and registry) whose metadata the signer gives the daemon before the first
   * transaction of each runtime, for clear signing.
   */
  constructor(client: HwbridgeClient, options: { session: SessionSource; api?: ApiLike });
  /**
   * Resolves with the MultiSignature (scheme byte first), as the polkadot-js extension does, and
   * the signed extrinsic when the payload asked for it (withSignedTransaction).
   */
  signPayload(payload: SignerPayloadJSON): Promise<SignerResult>;
  /** Resolves with the bare signature of `<Bytes>data</Bytes>`, as the polkadot-js extension does. */
  signRaw(raw: SignerPayloadRaw): Promise<SignerResult>;
}

export interface InjectOptions {
  client: HwbridgeClient;
  /** Default: autoSession(client). */
  session?: SessionSource;
  /** What enable() connects to when the client is not connected (default DEFAULT_URL). */
  url?: string;
  /** The key in injectedWeb3 (default "hwbridge"). */
  name?: string;
  /** May refuse a dapp by the name it passed to enable(). */
  authorize?: (originName: string) => boolean | Promise<boolean>;
  /** How often subscribers' account lists are refreshed, in ms (default 5000). */
  pollMs?: number;
  /** The object to install on (default globalThis.window, else globalThis). */
  window?: object;
}

/** Installs hwbridge as `window.injectedWeb3[name]` for @polkadot/extension-dapp; returns the entry. */
export declare function injectHwbridge(options: InjectOptions): InjectedWindowProvider;
