package dev.hwbridge.simulator.cli;

import dev.hwbridge.simulator.keys.Signatures;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: exit 0 and "valid" if the signature is valid, exit 1 and "invalid" if not. A
 * public key or signature of the wrong length is a signature that does not verify (1); input that
 * is not hex at all is bad input (2).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies a signature over message bytes as polkadot-js does.",
            "Exit status 0 if the signature is valid, 1 if not, 2 for bad input."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchemeOption scheme;

    @Option(names = "--public", required = true, paramLabel = "<0x…>",
            description = "the public key (33 bytes for ecdsa, else 32)")
    private String publicHex;

    @Mixin
    private MessageOption message;

    @Option(names = "--signature", required = true, paramLabel = "<0x…>", description = "the signature")
    private String signatureHex;

    @Override
    public Integer call() {
        byte[] publicKey = HexArgument.parse(publicHex, "--public");
        byte[] messageBytes = message.bytes();
        byte[] signature = HexArgument.parse(signatureHex, "--signature");
        boolean valid = Signatures.verify(scheme.get(), publicKey, messageBytes, signature);
        Output.line(spec, valid ? "valid" : "invalid");
        return valid ? ExitCodes.OK : ExitCodes.INVALID_SIGNATURE;
    }
}
