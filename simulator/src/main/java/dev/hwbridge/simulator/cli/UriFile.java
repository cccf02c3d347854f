package dev.hwbridge.simulator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The secret URIs of a {@code --uri-file}: one a line, in order. A final line break is optional
 * and a CR before it is ignored. A blank line is refused rather than skipped, because every line
 * in gives one line out and a skipped line would shift all later results against their inputs.
 */
final class UriFile {

    static final String OPTION = "--uri-file";

    private UriFile() {
    }

    static List<String> read(Path file, SecretRedactor redactor) {
        String text = InputFiles.readUtf8(file, "the file of " + OPTION, InputFiles.MAX_URI_FILE_BYTES);
        redactor.remember(text);
        List<String> lines = splitLines(text);
        if (lines.isEmpty()) {
            throw new CliInputException("the file of " + OPTION + " contains no secret URI");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                throw new CliInputException("line " + (i + 1) + " of the file of " + OPTION
                        + " is blank (each line must be one secret URI)");
            }
            redactor.remember(lines.get(i));
        }
        return lines;
    }

    /** Exactly one URI; for commands whose output is about one account. */
    static String readSingle(Path file, SecretRedactor redactor) {
        List<String> lines = read(file, redactor);
        if (lines.size() != 1) {
            throw new CliInputException("the file of " + OPTION + " must contain exactly one secret URI, found "
                    + lines.size());
        }
        return lines.get(0);
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            int lineEnd = end < 0 ? text.length() : end;
            if (lineEnd > start && text.charAt(lineEnd - 1) == '\r') {
                lineEnd--;
            }
            lines.add(text.substring(start, lineEnd));
            start = next;
        }
        return lines;
    }
}
