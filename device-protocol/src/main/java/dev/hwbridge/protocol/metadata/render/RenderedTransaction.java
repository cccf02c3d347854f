package dev.hwbridge.protocol.metadata.render;

import java.util.List;

/** A transaction as the screen shows it: the call's name ({@code Pallet.call_name}) and the lines below it. */
public record RenderedTransaction(String call, List<String> lines) {

    public RenderedTransaction {
        lines = List.copyOf(lines);
    }
}
