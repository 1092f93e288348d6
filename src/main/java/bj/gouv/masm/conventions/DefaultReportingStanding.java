package bj.gouv.masm.conventions;

import org.springframework.stereotype.Component;

/**
 * The fallback {@link ReportingStanding}: every partner is in good standing. As soon as another bean of
 * type ReportingStanding exists (the reporting feature's, backed by its report data), it is used instead
 * of this one (see {@link ConventionService#isInGoodStanding}); no configuration needed.
 */
@Component
public class DefaultReportingStanding implements ReportingStanding {

    @Override
    public boolean isInGoodStanding(Long partnerId) {
        return true;
    }
}
