package bj.gouv.masm.reviews;

/** Where a recommendation was made. */
public enum RecommendationSource {
    DEPARTMENTAL_REVIEW("Revue départementale"),
    NATIONAL_REVIEW("Revue nationale"),
    JOINT_COMMISSION("Commission mixte");

    private final String label;

    RecommendationSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
