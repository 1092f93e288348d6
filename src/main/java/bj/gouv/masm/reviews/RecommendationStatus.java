package bj.gouv.masm.reviews;

/** OPEN → IN_PROGRESS → DONE, or DROPPED (with a reason); DONE and DROPPED close it. */
public enum RecommendationStatus {
    OPEN("Ouverte"),
    IN_PROGRESS("En cours"),
    DONE("Réalisée"),
    DROPPED("Abandonnée");

    private final String label;

    RecommendationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isClosed() {
        return this == DONE || this == DROPPED;
    }
}
