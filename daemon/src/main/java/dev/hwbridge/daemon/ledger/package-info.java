/**
 * A Ledger running Zondax's Polkadot (Generic) app as a device of the daemon: its connection
 * answers the device protocol's requests with APDUs ({@code dev.hwbridge.protocol.ledger}), so
 * sessions, queues, prompts and the methods above treat it as they treat every device.
 */
package dev.hwbridge.daemon.ledger;
