package dev.hwbridge.daemon.app;

import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.registry.AccountRegistry;
import dev.hwbridge.daemon.registry.InvalidRecordException;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes to the {@link AccountRegistry}, turning its failures into JSON-RPC errors. */
final class Registrations {

    private static final Logger LOG = LoggerFactory.getLogger(Registrations.class);

    private final AccountRegistry registry;

    Registrations(AccountRegistry registry) {
        this.registry = registry;
    }

    AccountRegistry registry() {
        return registry;
    }

    /** Builds and stores a record; a field it refuses is named as an INVALID_PARAMS field. */
    AccountRecord put(RecordSupplier supplier) throws RpcException {
        AccountRecord record = build(supplier);
        putAll(List.of(record));
        return record;
    }

    /** Stores every record in one write of the registry: all of them, or none if it fails. */
    void putAll(List<AccountRecord> records) throws RpcException {
        try {
            registry.putAll(records);
        } catch (UncheckedIOException e) {
            LOG.error("cannot write the account registry", e);
            throw new RpcException(RpcError.INTERNAL_ERROR, "the account registry cannot be written; see the daemon log");
        }
    }

    /** Builds a record; a field it refuses is named as an INVALID_PARAMS field. */
    static AccountRecord build(RecordSupplier supplier) throws RpcException {
        try {
            return supplier.get();
        } catch (InvalidRecordException e) {
            throw Params.invalid(e.field(), "is not acceptable in the registry: " + e.getMessage());
        }
    }

    /** @return whether a record was removed */
    boolean remove(String address) throws RpcException {
        try {
            return registry.remove(address);
        } catch (UncheckedIOException e) {
            LOG.error("cannot write the account registry", e);
            throw new RpcException(RpcError.INTERNAL_ERROR, "the account registry cannot be written; see the daemon log");
        }
    }

    /** Makes a record; may throw {@link InvalidRecordException}. */
    @FunctionalInterface
    interface RecordSupplier {
        AccountRecord get();
    }
}
