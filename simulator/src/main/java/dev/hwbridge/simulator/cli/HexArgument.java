package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;

/** Hex values given on the command line (messages, public keys, signatures: public data). */
final class HexArgument {

    private HexArgument() {
    }

    static byte[] parse(String value, String option) {
        try {
            return Hex.fromHex(value);
        } catch (FormatException e) {
            throw new CliInputException(option + " is not hex (expected 0x and an even number of hex digits)", e);
        }
    }
}
