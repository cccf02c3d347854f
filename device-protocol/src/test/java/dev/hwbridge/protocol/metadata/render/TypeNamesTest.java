package dev.hwbridge.protocol.metadata.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeNamesTest {

    @Test
    void balanceTypeNamesAreRecognisedInTheirUsualSpellings() {
        assertThat(TypeNames.isBalance("Balance")).isTrue();
        assertThat(TypeNames.isBalance("BalanceOf<T>")).isTrue();
        assertThat(TypeNames.isBalance("BalanceOf<T, I>")).isTrue();
        assertThat(TypeNames.isBalance("T::Balance")).isTrue();
        assertThat(TypeNames.isBalance("<T as pallet_balances::Config<I>>::Balance")).isTrue();
        assertThat(TypeNames.isBalance("Compact<T::Balance>")).isTrue();
        assertThat(TypeNames.isBalance("Option<BalanceOf<T>>")).isTrue();
    }

    @Test
    void otherNumbersAreNotBalances() {
        assertThat(TypeNames.isBalance("u128")).isFalse();
        assertThat(TypeNames.isBalance("DepositBalanceOf<T, I>")).isFalse();
        assertThat(TypeNames.isBalance("BalanceStatus")).isFalse();
        assertThat(TypeNames.isBalance(null)).isFalse();
    }

    @Test
    void assetArgumentsAreRecognisedByNameOrTypeName() {
        assertThat(TypeNames.isAssetId("id", "T::AssetIdParameter")).isTrue();
        assertThat(TypeNames.isAssetId("asset_kind", "Box<T::AssetKind>")).isTrue();
        assertThat(TypeNames.isAssetId("path", "Vec<Box<T::AssetKind>>")).isTrue();
        assertThat(TypeNames.isAssetId("dest", "AccountIdLookupOf<T>")).isFalse();
        assertThat(TypeNames.isAssetPallet("PoolAssets")).isTrue();
        assertThat(TypeNames.isAssetPallet("Balances")).isFalse();
    }
}
