// Reports the account polkadot-js derives from a secret URI and, when a password is given, makes
// its JSON v3 account file (pair.toJson(password)) for hwbridge to import.
// Case: {"scheme", "uri", "password"?, "name"?}
// Result: {"json": {…the file…} or null without a password, "address" (SS58, prefix 42), "publicKey": 0x…}
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { runCases } from './cases.mjs';

await runCases(async ({ scheme, uri, password, name }) => {
  const keyring = new Keyring({ ss58Format: 42, type: scheme });
  const pair = keyring.addFromUri(uri, name === undefined ? {} : { name }, scheme);
  return {
    // toJson() without a password would write the secret unencrypted; that is not what we test
    json: password === undefined ? null : pair.toJson(password),
    address: pair.address,
    publicKey: u8aToHex(pair.publicKey)
  };
});
