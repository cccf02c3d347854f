/**
 * Ledger's Polkadot Generic app, host side and device side alike: the HID framing of 64-byte
 * reports ({@link LedgerFraming}, {@link LedgerReassembler}), APDUs and their status words
 * ({@link Apdu}, {@link ApduResponse}, {@link LedgerError}), the app's requests
 * ({@link PolkadotGenericApp}) and Speculos's APDU-over-TCP framing ({@link SpeculosFraming}).
 * Pure codecs over {@code byte[]}: no I/O but the streams callers hand in.
 */
package dev.hwbridge.protocol.ledger;
