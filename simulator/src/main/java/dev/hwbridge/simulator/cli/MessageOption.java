package dev.hwbridge.simulator.cli;

import picocli.CommandLine.Option;

/** The required {@code --message-hex} option of sign and verify (a picocli mixin). */
final class MessageOption {

    private static final String NAME = "--message-hex";

    @Option(names = NAME, required = true, paramLabel = "<0x…>", description = "the message bytes")
    private String messageHex;

    /**
     * The message bytes.
     *
     * @throws CliInputException if the value is not 0x-hex
     */
    byte[] bytes() {
        return HexArgument.parse(messageHex, NAME);
    }
}
