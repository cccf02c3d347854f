package dev.hwbridge.simulator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the files named on the command line: bounded in size before anything is allocated for
 * them, strictly UTF-8, and with errors that name the option, never the path or the content (a
 * path may itself be a secret typed in the wrong place).
 */
final class InputFiles {

    /** Room for thousands of secret URIs; a larger file is a mistake. */
    static final int MAX_URI_FILE_BYTES = 1 << 20;
    static final int MAX_PASSWORD_FILE_BYTES = 64 * 1024;
    /** A JSON v3 account file is well under 1 KiB; a generous bound still stops a runaway read. */
    static final int MAX_JSON_FILE_BYTES = 1 << 20;

    private InputFiles() {
    }

    /**
     * The whole file as text; the raw bytes are zeroed before returning.
     *
     * @param what how errors name the file, e.g. "the file of --uri-file"
     */
    static String readUtf8(Path file, String what, int maxBytes) {
        byte[] bytes = readBounded(file, what, maxBytes);
        try {
            return decodeUtf8(bytes, what);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * The whole file as bytes, at most {@code maxBytes} of them.
     *
     * @param what how errors name the file, e.g. "the file of --metadata-file"
     */
    static byte[] readBounded(Path file, String what, int maxBytes) {
        if (Files.isDirectory(file)) {
            throw new CliInputException(what + " is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                Arrays.fill(bytes, (byte) 0);
                throw new CliInputException(what + " is larger than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new CliInputException(what + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new CliInputException(what + " cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new CliInputException(what + " cannot be read", e);
        }
    }

    private static String decodeUtf8(byte[] bytes, String what) {
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            String text = chars.toString();
            // An editor's byte-order mark is not part of the first line.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CliInputException(what + " is not UTF-8 text", e);
        } finally {
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
