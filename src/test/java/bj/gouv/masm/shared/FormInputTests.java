package bj.gouv.masm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bj.gouv.masm.support.SourceScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one form reader: French refusals as the feature's exception, and no other reader in the process code. */
class FormInputTests {

    static class FeatureException extends FormInputException {
        FeatureException(String field, String message) {
            super(field, message);
        }
    }

    private final FormInput input = new FormInput(FeatureException::new);

    @Test
    void shouldRefuseAsTheFeaturesExceptionWithAFrenchMessage() {
        assertThatThrownBy(() -> input.requiredText((Object) "  ", "compte rendu", 10))
                .isInstanceOf(FeatureException.class).hasMessageContaining("« compte rendu » est obligatoire.");
        assertThatThrownBy(() -> input.requiredText((Object) "x".repeat(11), "compte rendu", 10))
                .hasMessageContaining("trop long (10 caractères au plus)");
        assertThatThrownBy(() -> input.optionalDate("31/12/2026", "date"))
                .isInstanceOf(FeatureException.class).hasMessageContaining("n'est pas une date valide");
        assertThatThrownBy(() -> input.requiredPositiveInteger("0", "participants"))
                .hasMessageContaining("nombre entier positif");
        assertThatThrownBy(() -> input.optionalBoolean("peut-être", "« Rapport reçu » doit être oui ou non."))
                .hasMessageContaining("oui ou non");
        assertThatThrownBy(() -> input.jsonArray("{}", "Liste des activités illisible."))
                .hasMessageContaining("illisible");
    }

    @Test
    void shouldReadWhatTasklistAndTheApiSubmit() {
        assertThat(input.optionalDate("2026-03-01T00:00:00.000Z", "date")).isEqualTo(LocalDate.of(2026, 3, 1));
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertThat(input.optionalDate(Date.from(day.atStartOfDay(MasmTimeZone.zone()).toInstant()), "date")).isEqualTo(day);
        assertThat(input.optionalBoolean("oui", "?")).isTrue();
        assertThat(input.optionalLong(12.0, "?")).isEqualTo(12L);
        assertThat(input.wholeNumberText("12.0", "?")).isEqualTo(12L);
        assertThat(FormInput.codes("[\"A\",\"B\"]")).containsExactly("A", "B");
        assertThat(FormInput.codes("A, B")).containsExactly("A", "B");
        assertThat(input.objectList("[{\"text\":\"x\"}]", "liste")).containsExactly(Map.of("text", "x"));
        assertThat(input.valueList(List.of(" a "), "liste")).containsExactly("a");
        assertThat(input.jsonArray(List.of(Map.of("startDate", day)), "?").get(0).get("startDate").asText())
                .isEqualTo("2026-03-01");
    }

    @Test
    void shouldLeaveNoOtherFormReaderInTheCode() {
        assertThat(Files.exists(Path.of("src/main/java/bj/gouv/masm/conventions/process/TaskInputs.java"))).isFalse();
        assertThat(Files.exists(Path.of("src/main/java/bj/gouv/masm/reviews/FormValues.java"))).isFalse();
        // listeners and delegates parse dates and JSON lists through FormInput only
        assertThat(SourceScan.filesMatching("src/main/java", Pattern.compile("LocalDate\\.parse\\(|readTree\\(|Spin\\.JSON\\(")))
                .noneMatch(file -> file.contains("/process/"));
    }
}
