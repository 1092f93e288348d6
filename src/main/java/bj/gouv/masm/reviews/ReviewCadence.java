package bj.gouv.masm.reviews;

import java.text.Normalizer;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * How often departmental reviews are held: a setting of the model, not of the Java. The
 * {@code ReviewCalendar} BPMN carries it as the input parameter {@code reviewPeriod} of
 * {@code ServiceTask_RegisterHalfYear} (next to its timer cycle); the period key derives from it:
 * {@code 2026-S1} (half-yearly, the default) or {@code 2026-Q3} (quarterly).
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public enum ReviewCadence {

    HALF_YEARLY('S', 6),
    QUARTERLY('Q', 3);

    private final char letter;
    private final int months;

    /** The letter of the period key ({@code S} or {@code Q}). */
    public char letter() {
        return letter;
    }

    /** Length of a period in months (6 or 3). */
    public int months() {
        return months;
    }

    /** Periods in a year (2 or 4). */
    public int periodsPerYear() {
        return 12 / months;
    }

    public static ReviewCadence ofLetter(char letter) {
        for (ReviewCadence cadence : values()) {
            if (cadence.letter == letter) {
                return cadence;
            }
        }
        throw new IllegalArgumentException("Périodicité inconnue : " + letter);
    }

    /**
     * The value an analyst writes in the model: {@code HALF_YEARLY} / {@code semestriel} / {@code S}
     * or {@code QUARTERLY} / {@code trimestriel} / {@code Q} (case and accents ignored); empty means
     * half-yearly.
     */
    public static ReviewCadence parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            return HALF_YEARLY;
        }
        String text = Normalizer.normalize(value.toString().trim(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (text) {
            case "HALF_YEARLY", "HALFYEARLY", "SEMESTRIEL", "SEMESTRE", "SEMESTER", "S" -> HALF_YEARLY;
            case "QUARTERLY", "TRIMESTRIEL", "TRIMESTRE", "QUARTER", "Q" -> QUARTERLY;
            default -> throw new IllegalArgumentException("Périodicité des revues inconnue : « " + value
                    + " » (valeurs admises : HALF_YEARLY ou QUARTERLY, semestriel ou trimestriel)");
        };
    }
}
