// Makes JSON v3 account files with polkadot-js (pair.toJson(password)) for hwbridge to import,
// and reports the account polkadot-js derives from the same secret URI.
// Case: {"scheme", "uri", "password", "name"?}
// Result: {"json": {…the file…}, "address" (SS58, prefix 42), "publicKey": 0x…}
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { runCases } from './cases.mjs';

await runCases(async ({ scheme, uri, password, name }) => {
  const keyring = new Keyring({ ss58Format: 42, type: scheme });
  const pair = keyring.addFromUri(uri, name === undefined ? {} : { name }, scheme);
  return {
    json: pair.toJson(password),
    address: pair.address,
    publicKey: u8aToHex(pair.publicKey)
  };
});
