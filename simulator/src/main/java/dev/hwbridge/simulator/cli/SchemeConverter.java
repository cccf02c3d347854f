package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.KeyScheme;
import picocli.CommandLine;

/** Reads {@code --scheme}: sr25519, ed25519 or ecdsa, as polkadot-js names them. */
final class SchemeConverter implements CommandLine.ITypeConverter<KeyScheme> {

    @Override
    public KeyScheme convert(String value) {
        try {
            return KeyScheme.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("expected sr25519, ed25519 or ecdsa");
        }
    }
}
