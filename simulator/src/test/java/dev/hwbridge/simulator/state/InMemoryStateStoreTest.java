package dev.hwbridge.simulator.state;

import java.security.SecureRandom;

/** The in-memory store is held to the {@link StateStoreContract}; it has nothing of its own to test. */
class InMemoryStateStoreTest extends StateStoreContract {

    @Override
    StateStore newStore() {
        return new InMemoryStateStore(EncryptedFileStateStoreTest.FAST, new SecureRandom());
    }
}
