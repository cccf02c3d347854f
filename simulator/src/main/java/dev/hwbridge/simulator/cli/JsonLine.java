package dev.hwbridge.simulator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One result as a line of JSON, fields in the order of the record's components. */
final class JsonLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLine() {
    }

    static String of(Record result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            // Strings, numbers and lists of strings always serialise; failing here is a defect.
            throw new IllegalStateException("cannot write the result line", e);
        }
    }
}
