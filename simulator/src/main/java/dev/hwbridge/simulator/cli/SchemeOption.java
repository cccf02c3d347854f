package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.KeyScheme;
import picocli.CommandLine.Option;

/** The required {@code --scheme} option of sign, verify and json-export (a picocli mixin). */
final class SchemeOption {

    @Option(names = "--scheme", required = true, paramLabel = "<scheme>", description = "sr25519, ed25519 or ecdsa")
    private KeyScheme scheme;

    KeyScheme get() {
        return scheme;
    }
}
