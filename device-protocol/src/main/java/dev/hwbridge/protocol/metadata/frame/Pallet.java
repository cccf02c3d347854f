package dev.hwbridge.protocol.metadata.frame;

import java.util.List;
import java.util.Optional;

/** What RFC-0078 needs of a pallet: its name, index, call enum type (-1 if none) and constants. */
public record Pallet(String name, int index, int callType, List<Constant> constants) {

    public Optional<Constant> constant(String constantName) {
        return constants.stream().filter(c -> c.name().equals(constantName)).findFirst();
    }
}
