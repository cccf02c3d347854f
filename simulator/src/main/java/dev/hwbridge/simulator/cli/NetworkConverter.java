package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.Ss58Prefix;
import picocli.CommandLine;

/** Reads {@code --network}: polkadot, kusama, substrate or an SS58 prefix number. */
final class NetworkConverter implements CommandLine.ITypeConverter<Ss58Prefix> {

    @Override
    public Ss58Prefix convert(String value) {
        try {
            return Ss58Prefix.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(
                    "expected polkadot, kusama, substrate or an SS58 prefix 0..16383");
        }
    }
}
