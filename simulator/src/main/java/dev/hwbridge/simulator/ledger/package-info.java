/**
 * The simulator's Ledger personality: it behaves as Zondax's Polkadot Generic app
 * ({@link LedgerApp}) behind Speculos's APDU TCP port ({@link ApduServer}), on the same screen and
 * automation API as the hwbridge personality ({@link LedgerSimulator}). Keys come from the BIP39
 * phrase as a Ledger derives them ({@code dev.hwbridge.simulator.keys.LedgerKeys}).
 */
package dev.hwbridge.simulator.ledger;
