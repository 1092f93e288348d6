package bj.gouv.masm.reporting;

import java.math.BigDecimal;

/** How an indicator's value is checked on upload. */
public enum IndicatorUnit {
    /** A count: whole number, not negative. */
    COUNT,
    /** A percentage: 0 to 100. */
    PERCENT,
    /** An amount in CFA francs (XOF): whole number, not negative. */
    AMOUNT_XOF,
    /** Any number, not negative. */
    NUMBER;

    /** What the clerk sees next to the value in the report form. */
    public String label() {
        return switch (this) {
            case COUNT -> "nombre entier";
            case PERCENT -> "% (0 à 100)";
            case AMOUNT_XOF -> "FCFA (entier)";
            case NUMBER -> "nombre";
        };
    }

    /** Null when the value fits the unit, otherwise the French reason. */
    public String check(BigDecimal value) {
        if (value.signum() < 0) {
            return "valeur négative interdite";
        }
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        return switch (this) {
            case COUNT -> whole ? null : "un dénombrement doit être un entier";
            case AMOUNT_XOF -> whole ? null : "un montant en XOF doit être un entier";
            case PERCENT -> value.compareTo(BigDecimal.valueOf(100)) > 0 ? "un pourcentage doit être entre 0 et 100" : null;
            case NUMBER -> null;
        };
    }
}
