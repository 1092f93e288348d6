package bj.gouv.masm.reviews;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** OPEN → IN_PROGRESS → DONE, or DROPPED (with a reason); DONE and DROPPED close it. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public enum RecommendationStatus {
    OPEN("Ouverte"),
    IN_PROGRESS("En cours"),
    DONE("Réalisée"),
    DROPPED("Abandonnée");

    private final String label;

    public String label() {
        return label;
    }

    public boolean isClosed() {
        return this == DONE || this == DROPPED;
    }
}
