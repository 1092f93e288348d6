package bj.gouv.masm.reviews;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Where a recommendation was made. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public enum RecommendationSource {
    DEPARTMENTAL_REVIEW("Revue départementale"),
    NATIONAL_REVIEW("Revue nationale"),
    JOINT_COMMISSION("Commission mixte"),
    /** Mid-term evaluation of a convention (source key = the convention number). */
    MID_TERM_EVALUATION("Évaluation à mi-parcours"),
    /** Final evaluation of a convention (source key = the convention number). */
    FINAL_EVALUATION("Évaluation finale"),
    PROGRAMME_EVALUATION("Évaluation de programme"),
    COORDINATION_MEETING("Réunion d'un organe de coordination");

    private final String label;

    public String label() {
        return label;
    }
}
