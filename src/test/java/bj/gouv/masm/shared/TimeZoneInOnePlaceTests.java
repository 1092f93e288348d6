package bj.gouv.masm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.SourceScan;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The time zone is the setting masm.time-zone, read once (shared.ClockConfig); nobody else names a zone. */
class TimeZoneInOnePlaceTests {

    @Test
    void shouldNameTheDefaultZoneOnlyInMasmTimeZoneAndTheSetting() {
        assertThat(SourceScan.filesMatching(List.of("src/main/java", "src/main/resources"),
                Pattern.compile(Pattern.quote(MasmTimeZone.DEFAULT))))
                .containsExactly("src/main/java/bj/gouv/masm/shared/MasmTimeZone.java",
                        "src/main/resources/application.yml");
    }

    @Test
    void shouldReadTheSettingAndBuildZonesOnlyInClockConfig() {
        assertThat(SourceScan.filesMatching("src/main/java", Pattern.compile("ZoneId\\.systemDefault\\(|TimeZone\\.getDefault\\(")))
                .isEmpty();
        assertThat(SourceScan.filesMatching("src/main/java", Pattern.compile("ZoneId\\.of\\(")))
                .containsExactlyInAnyOrder("src/main/java/bj/gouv/masm/shared/ClockConfig.java",
                        "src/main/java/bj/gouv/masm/shared/MasmTimeZone.java");
        assertThat(SourceScan.filesMatching("src/main/java", Pattern.compile("masm\\.time-zone|MasmTimeZone\\.PROPERTY")))
                .containsExactlyInAnyOrder("src/main/java/bj/gouv/masm/shared/ClockConfig.java",
                        "src/main/java/bj/gouv/masm/shared/MasmTimeZone.java");
    }

    @Test
    void shouldFollowTheSettingOnceTheApplicationHasReadIt() {
        ZoneId before = MasmTimeZone.zone();
        try {
            java.time.Clock clock = new ClockConfig().clock(new ClockConfig().masmZone("Europe/Paris"));
            assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
            assertThat(MasmTimeZone.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        } finally {
            MasmTimeZone.use(before);
        }
    }
}
