package bj.gouv.masm.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.SourceScan;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One revocation path (reporting.AccreditationRevocationService), its message and variable declared once
 * (LifecycleVariables), and the audit trail's convention events under one entity type (ConventionService.ENTITY).
 */
class OneRevocationPathTests {

    @Test
    void shouldOfferNoSecondRevocationPathInTheConventionsFeature() {
        assertThat(Arrays.stream(ConventionService.class.getMethods()).map(Method::getName))
                .noneMatch(name -> name.toLowerCase().contains("revocation"));
        // only the revocation service correlates the message (the lifecycle model receives it)
        assertThat(SourceScan.filesMatching("src/main/java", Pattern.compile("MESSAGE_ACCREDITATION_REVOKED")))
                .containsExactlyInAnyOrder("src/main/java/bj/gouv/masm/conventions/LifecycleVariables.java",
                        "src/main/java/bj/gouv/masm/reporting/AccreditationRevocationService.java");
    }

    @Test
    void shouldDeclareTheRevocationVariablesOnce() {
        assertThat(SourceScan.filesMatching("src/main/java",
                Pattern.compile("\"(AccreditationRevoked|revocationReason)\"")))
                .containsExactly("src/main/java/bj/gouv/masm/conventions/LifecycleVariables.java");
    }

    @Test
    void shouldAuditConventionEventsUnderOneEntityType() {
        assertThat(ConventionService.ENTITY).isEqualTo("convention");
        assertThat(SourceScan.filesMatching(List.of("src/main/java"),
                Pattern.compile("record\\(\"(Convention|CONVENTION)\"|\"(Convention|CONVENTION)\",\\s*\"CONVENTION\"")))
                .isEmpty();
    }
}
