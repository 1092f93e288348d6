package bj.gouv.masm.reporting;

/** One entry of the SIDoFFE indicator catalogue (reference/sidoffe-indicators.csv). */
public record SidoffeIndicator(String code, String label, IndicatorUnit unit, String disaggregation, int sortOrder) {
}
