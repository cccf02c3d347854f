package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/** {@code --decimals} and {@code --token-symbol}: the native token, which the metadata does not hold. */
final class TokenOptions {

    @Option(names = "--decimals", required = true, paramLabel = "<n>",
            description = "the native token's decimals, 0 to 255 (10 for DOT, 12 for KSM)")
    private int decimals;

    @Option(names = "--token-symbol", required = true, paramLabel = "<symbol>",
            description = "the native token's symbol (DOT, KSM …)")
    private String tokenSymbol;

    int decimals() {
        if (decimals < 0 || decimals > 255) {
            throw new CliInputException("--decimals must be 0 to 255");
        }
        return decimals;
    }

    String tokenSymbol() {
        int length = tokenSymbol.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0 || length > Merkleizer.MAX_TOKEN_SYMBOL_BYTES) {
            throw new CliInputException("--token-symbol must be 1 to " + Merkleizer.MAX_TOKEN_SYMBOL_BYTES + " bytes");
        }
        return tokenSymbol;
    }
}
