package bj.gouv.masm.conventions;

/**
 * Whether a partner is in good standing on its reporting (quarterly reports, SIDoFFE indicators): an
 * input of the DMN decision {@code RenewalDecision}. The reporting feature provides the real answer by
 * declaring its own bean of this type; until then {@link DefaultReportingStanding} answers "yes".
 */
public interface ReportingStanding {

    boolean isInGoodStanding(Long partnerId);
}
