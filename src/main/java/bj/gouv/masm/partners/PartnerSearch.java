package bj.gouv.masm.partners;

/** Filters of {@code GET /api/partners}: all optional, combined with "and". */
public record PartnerSearch(String department, String domain, String kind, String q) {
}
