/**
 * The simulated device's firmware: {@link dev.hwbridge.simulator.device.DeviceLogic} answers one
 * protobuf {@code Request} at a time (PROTOCOL.md §4–§6), asking the user through the
 * {@link dev.hwbridge.simulator.screen.DeviceScreen} and keeping its secrets sealed in a
 * {@link dev.hwbridge.simulator.state.StateStore}. One class per flow: setup, recovery, unlock
 * (PIN), derive (one key, or a page of them), sign, export, import, wipe.
 *
 * <p>Decisions the protocol leaves to the device:
 * <ul>
 *   <li><b>PIN</b>: 4 to 16 digits, typed twice when chosen. The empty PIN cannot be chosen: a
 *       device set up or recovered on the device always has a PIN; only a device preloaded
 *       without a PIN file has none (then it is never locked). Text that cannot be a PIN is
 *       refused on the device without counting an attempt.</li>
 *   <li><b>PIN attempts</b>: counted and persisted before the PIN is compared; after the third
 *       failure in a row each attempt waits 1 s, 2 s, 4 s … up to 60 s (also counted before, so a
 *       restart skips nothing); the tenth failure in a row wipes the device (Failure WIPED). A
 *       counter that is missing beside the state, or damaged, counts as every attempt spent: the
 *       device erases itself (fail closed; see {@link dev.hwbridge.simulator.device.PinGate}).</li>
 *   <li><b>Locking</b>: a device with a PIN is locked at power-up (also when preloaded with a PIN)
 *       and unlocked by the PIN; right after setup or recovery it is unlocked.</li>
 *   <li><b>Kept while unlocked</b>: a seed identity's mini-secret without a password, from its
 *       first key on, so keys cost no PBKDF2 after that; zeroed when the device locks, is wiped, or
 *       drops the identity (see {@link dev.hwbridge.simulator.device.IdentitySecret}).</li>
 *   <li><b>Identities</b>: at most 16, names of 1 to 64 UTF-8 bytes without control characters.
 *       The first identity made without a name is called "default"; a request naming "" means the
 *       first. Setup or recovery with a new name on an unlocked device adds one (and asks for a
 *       new PIN if the device had none).</li>
 *   <li><b>Setup</b>: words shown 4 to a page, each page confirmed; then 3 words picked at random
 *       are typed back; a wrong one goes back to the pages. The host sees only "words 1–4 of 24"
 *       and "check 1 of 3".</li>
 *   <li><b>Import</b>: needs a set-up device; the key becomes an identity of its own, named by the
 *       request or the file's {@code meta.name}; such an identity signs only with its own scheme,
 *       derives paths from its key, and refuses {@code ask_password}.</li>
 *   <li><b>Raw messages</b>: wrapped in {@code <Bytes>…</Bytes>} unless they already carry both
 *       tags, as PROTOCOL.md says; unlike the polkadot-js extension, an Ethereum-prefixed message
 *       is wrapped too, so no raw signature can pass for another kind.</li>
 *   <li><b>Transactions</b>: the confirmation shows what {@link dev.hwbridge.simulator.device.PayloadSummary}
 *       can read without metadata; what it cannot tell for sure says "could not decode".</li>
 * </ul>
 * Nothing secret is logged: requests and replies are logged by type only.
 */
package dev.hwbridge.simulator.device;
