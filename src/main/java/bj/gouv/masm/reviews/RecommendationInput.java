package bj.gouv.masm.reviews;

import java.time.LocalDate;

/** A recommendation as recorded with a review: text, responsible group, due date. */
public record RecommendationInput(String text, String owner, LocalDate dueDate) {
}
