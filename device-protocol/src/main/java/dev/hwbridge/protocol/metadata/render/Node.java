package dev.hwbridge.protocol.metadata.render;

import java.util.List;

/** A line of text and the lines nested under it. */
record Node(String text, List<Node> children) {

    static Node leaf(String text) {
        return new Node(text, List.of());
    }

    Node labelled(String label) {
        return new Node(text.isEmpty() ? label + ":" : label + ": " + text, children);
    }
}
