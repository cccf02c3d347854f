package dev.hwbridge.protocol.metadata.render;

/**
 * What a field's Rust type name says about it. The metadata has no semantic types (RFC-0078 names
 * this as its open problem), so wallets go by type names, as here. No regular expressions: these
 * run for every field shown.
 */
final class TypeNames {

    private TypeNames() {
    }

    /**
     * A native-token balance: {@code Balance}, {@code BalanceOf<T>}, {@code BalanceOf<T, I>},
     * {@code T::Balance}, {@code <T as Config<I>>::Balance}, also inside {@code Compact<…>} or
     * {@code Option<…>}.
     */
    static boolean isBalance(String typeName) {
        if (typeName == null) {
            return false;
        }
        String name = unwrap(unwrap(typeName.trim(), "Compact<"), "Option<");
        name = unwrap(name, "Compact<");
        return name.equals("Balance") || name.endsWith("::Balance") || name.equals("BalanceOf")
                || name.startsWith("BalanceOf<");
    }

    /**
     * An argument that names an asset: {@code id}, {@code asset_id}, {@code asset}, {@code asset_kind},
     * or a type name with {@code AssetId} or {@code AssetKind} in it ({@code T::AssetIdParameter},
     * {@code Box<T::AssetKind>}).
     */
    static boolean isAssetId(String fieldName, String typeName) {
        if (fieldName != null && (fieldName.equals("id") || fieldName.equals("asset_id")
                || fieldName.equals("asset") || fieldName.equals("asset_kind"))) {
            return true;
        }
        return typeName != null && (typeName.contains("AssetId") || typeName.contains("AssetKind"));
    }

    /** Pallets of assets other than the native token: {@code Assets}, {@code ForeignAssets}, {@code PoolAssets} … */
    static boolean isAssetPallet(String palletName) {
        return palletName.endsWith("Assets");
    }

    private static String unwrap(String name, String wrapper) {
        if (name.startsWith(wrapper) && name.endsWith(">")) {
            return name.substring(wrapper.length(), name.length() - 1).trim();
        }
        return name;
    }
}
