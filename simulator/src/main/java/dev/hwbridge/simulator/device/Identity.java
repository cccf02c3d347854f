package dev.hwbridge.simulator.device;

import java.util.Objects;

/** A named seed or imported key on the device (Polkadot Vault's "identity"). */
record Identity(String name, IdentitySecret secret) {

    Identity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "Identity[" + name + ", " + secret + "]";
    }
}
