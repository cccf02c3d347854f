package dev.hwbridge.simulator.cli;

import java.nio.file.Path;

/**
 * The password of a {@code --password-file}: the file's UTF-8 text with one trailing line break
 * (LF or CRLF) removed, so {@code echo secret > file} works; every other character counts,
 * spaces and further line breaks included.
 */
final class PasswordFile {

    static final String OPTION = "--password-file";

    private PasswordFile() {
    }

    static String read(Path file, SecretRedactor redactor) {
        String text = InputFiles.readUtf8(file, "the file of " + OPTION, InputFiles.MAX_PASSWORD_FILE_BYTES);
        String password = stripOneLineBreak(text);
        redactor.remember(password);
        return password;
    }

    static String stripOneLineBreak(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        if (text.endsWith("\n")) {
            return text.substring(0, text.length() - 1);
        }
        return text;
    }
}
