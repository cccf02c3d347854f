package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.frame.MetadataReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --metadata-file}: runtime metadata as raw bytes (bare or in the runtime call's Option), or
 * as {@code 0x}-hex text (what {@code state_getMetadata} returns), told apart by a leading "0x".
 */
final class MetadataFile {

    static final String OPTION = "--metadata-file";
    private static final String WHAT = "the file of " + OPTION;
    /** Hex text doubles the size, and may end with a newline. */
    private static final int MAX_FILE_BYTES = 2 * MetadataReader.MAX_METADATA_BYTES + 16;

    @Option(names = OPTION, required = true, paramLabel = "<file>",
            description = "runtime metadata V15 or V16: raw bytes, or 0x-hex text")
    private Path file;

    byte[] bytes() {
        byte[] content = InputFiles.readBounded(file, WHAT, MAX_FILE_BYTES);
        if (content.length < 2 || content[0] != '0' || content[1] != 'x') {
            if (content.length > MetadataReader.MAX_METADATA_BYTES) {
                throw new CliInputException(WHAT + " is larger than " + MetadataReader.MAX_METADATA_BYTES + " bytes");
            }
            return content;
        }
        String text = new String(content, StandardCharsets.US_ASCII).strip();
        try {
            return Hex.fromHex(text);
        } catch (FormatException e) {
            throw new CliInputException(WHAT + " starts with 0x but is not hex (expected an even number of hex digits)", e);
        }
    }
}
