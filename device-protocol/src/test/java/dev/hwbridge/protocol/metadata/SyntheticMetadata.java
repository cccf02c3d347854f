package dev.hwbridge.protocol.metadata;

import dev.hwbridge.protocol.metadata.scale.Primitive;
import dev.hwbridge.protocol.metadata.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds small runtime metadata V15 or V16 by hand, for tests of rules that real chains' metadata
 * does not show one at a time (void structs, compacts of wrappers, bit sequences, ids in order).
 * Types are added in order, each {@code add…} returning its id; {@link #build} adds a System pallet
 * with {@code Version} and {@code SS58Prefix} and the extrinsic description.
 */
public final class SyntheticMetadata {

    /** A field: {@code name} and {@code typeName} may be null. */
    public record F(String name, int type, String typeName) {
    }

    /** A variant. */
    public record V(String name, int index, List<F> fields) {
    }

    /** A signed extension. */
    public record Ext(String identifier, int type, int additionalSigned) {
    }

    private final List<byte[]> types = new ArrayList<>();
    private int extrinsicVersion = 4;

    /** The extrinsic format version the runtime says it accepts (4 unless set). */
    public SyntheticMetadata extrinsicVersion(int version) {
        this.extrinsicVersion = version;
        return this;
    }

    private int add(List<String> path, Consumer<ScaleWriter> def) {
        ScaleWriter out = new ScaleWriter();
        out.compact(types.size());
        out.compact(path.size());
        path.forEach(out::string);
        out.compact(0); // type parameters
        def.accept(out);
        out.compact(0); // docs
        types.add(out.toByteArray());
        return types.size() - 1;
    }

    public int primitive(Primitive primitive) {
        return add(List.of(), out -> out.u8(5).u8(primitive.ordinal()));
    }

    public int composite(List<String> path, F... fields) {
        return add(path, out -> {
            out.u8(0);
            writeFields(out, List.of(fields));
        });
    }

    public int variant(List<String> path, V... variants) {
        return add(path, out -> {
            out.u8(1).compact(variants.length);
            for (V v : variants) {
                out.string(v.name());
                writeFields(out, v.fields());
                out.u8(v.index()).compact(0);
            }
        });
    }

    public int sequence(int element) {
        return add(List.of(), out -> out.u8(2).compact(element));
    }

    public int array(long length, int element) {
        return add(List.of(), out -> out.u8(3).u32(length).compact(element));
    }

    public int tuple(int... elements) {
        return add(List.of(), out -> {
            out.u8(4).compact(elements.length);
            for (int e : elements) {
                out.compact(e);
            }
        });
    }

    public int compact(int inner) {
        return add(List.of(), out -> out.u8(6).compact(inner));
    }

    public int bitSequence(int store, int order) {
        return add(List.of(), out -> out.u8(7).compact(store).compact(order));
    }

    private static void writeFields(ScaleWriter out, List<F> fields) {
        out.compact(fields.size());
        for (F f : fields) {
            out.optionalString(f.name()).compact(f.type()).optionalString(f.typeName()).compact(0);
        }
    }

    /**
     * The metadata, with a System pallet whose Version is {@code {spec_name, spec_version}} and
     * whose SS58Prefix is a u16, and an extrinsic description with these types.
     *
     * @param optionWrapped as the runtime call {@code Metadata_metadata_at_version} returns it
     */
    public byte[] build(int version, boolean optionWrapped, String specName, long specVersion, int ss58Prefix,
            int address, int call, int signature, List<Ext> extensions) {
        int str = primitive(Primitive.STR);
        int u32 = primitive(Primitive.U32);
        int u16 = primitive(Primitive.U16);
        int runtimeVersion = composite(List.of("sp_version", "RuntimeVersion"),
                new F("spec_name", str, "Cow<'static, str>"), new F("spec_version", u32, "u32"));
        int unit = tuple();
        boolean v16 = version == 16;

        ScaleWriter out = new ScaleWriter(1024);
        out.bytes(new byte[] {'m', 'e', 't', 'a'}).u8(version);
        out.compact(types.size());
        types.forEach(out::bytes);
        // One pallet: System, no storage, its calls, two constants.
        out.compact(1).string("System").u8(0);
        out.u8(1).compact(call);
        if (v16) {
            out.compact(0);
        }
        out.u8(0); // events
        out.compact(2);
        out.string("Version").compact(runtimeVersion);
        byte[] versionValue = new ScaleWriter().string(specName).u32(specVersion).toByteArray();
        out.compact(versionValue.length).bytes(versionValue).compact(0);
        if (v16) {
            out.u8(0);
        }
        out.string("SS58Prefix").compact(u16).compact(2).u16(ss58Prefix).compact(0);
        if (v16) {
            out.u8(0);
        }
        out.u8(0); // errors
        if (v16) {
            out.compact(0).compact(0); // associated types, view functions
        }
        out.u8(0).compact(0); // index, docs
        if (v16) {
            out.u8(0);
        }
        if (v16) {
            out.compact(1).u8(extrinsicVersion).compact(address).compact(call).compact(signature);
            out.compact(1).u8(0).compact(extensions.size());
            for (int i = 0; i < extensions.size(); i++) {
                out.compact(i);
            }
        } else {
            out.u8(extrinsicVersion).compact(address).compact(call).compact(signature).compact(unit);
        }
        out.compact(extensions.size());
        for (Ext e : extensions) {
            out.string(e.identifier()).compact(e.type()).compact(e.additionalSigned());
        }
        if (!v16) {
            out.compact(unit); // the runtime type
        }
        out.compact(0); // APIs
        out.compact(call).compact(unit).compact(unit); // outer enums
        out.compact(0); // custom
        byte[] bare = out.toByteArray();
        if (!optionWrapped) {
            return bare;
        }
        return new ScaleWriter().u8(1).compact(bare.length).bytes(bare).toByteArray();
    }

    /**
     * A small but complete runtime: Balances.transfer and .remark, an AccountId32 address,
     * CheckNonce and CheckMetadataHash. The metadata fuzz test's seeds are this sample
     * (MetadataReaderTest checks that they still are).
     */
    public static byte[] sample(int version, boolean optionWrapped) {
        SyntheticMetadata m = new SyntheticMetadata();
        int u8 = m.primitive(Primitive.U8);
        int u128 = m.primitive(Primitive.U128);
        int bytes = m.sequence(u8);
        int account = m.composite(List.of("sp_core", "crypto", "AccountId32"), new F(null, m.array(32, u8), "[u8; 32]"));
        int balance = m.compact(u128);
        int calls = m.variant(List.of("pallet_balances", "Call"),
                new V("transfer", 0, List.of(new F("dest", account, "AccountId"), new F("value", balance, "T::Balance"))),
                new V("remark", 1, List.of(new F("remark", bytes, "Vec<u8>"))));
        int call = m.variant(List.of("RuntimeCall"), new V("Balances", 5, List.of(new F(null, calls, null))));
        int mode = m.variant(List.of("Mode"), new V("Disabled", 0, List.of()), new V("Enabled", 1, List.of()));
        int hash = m.array(32, u8);
        int option = m.variant(List.of("Option"), new V("None", 0, List.of()), new V("Some", 1, List.of(new F(null, hash, null))));
        int unit = m.tuple();
        return m.build(version, optionWrapped, "tiny", 1, 42, account, call, unit,
                List.of(new Ext("CheckNonce", m.compact(m.primitive(Primitive.U32)), unit),
                        new Ext("CheckMetadataHash", mode, option)));
    }
}
