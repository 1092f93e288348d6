package bj.gouv.masm.partners;

import java.util.List;

/**
 * The answer of {@code POST /api/partners/import}: totals and one line per data row of the file
 * ({@code row} is the line of the file where the row starts, the header being line 1).
 */
public record ImportReport(
        int total,
        int imported,
        int updated,
        int unchanged,
        int rejected,
        String delimiter,
        List<String> ignoredColumns,
        List<Row> rows) {

    public enum Status { IMPORTED, UPDATED, UNCHANGED, REJECTED }

    /** One row: what happened, to which partner, and (if rejected) every reason in French. */
    public record Row(long row, Status status, Long partnerId, String name, List<String> reasons) {
    }

    static ImportReport of(char delimiter, List<String> ignoredColumns, List<Row> rows) {
        return new ImportReport(rows.size(), count(rows, Status.IMPORTED), count(rows, Status.UPDATED),
                count(rows, Status.UNCHANGED), count(rows, Status.REJECTED),
                delimiter == '\t' ? "\\t" : String.valueOf(delimiter), List.copyOf(ignoredColumns), List.copyOf(rows));
    }

    private static int count(List<Row> rows, Status status) {
        return (int) rows.stream().filter(r -> r.status() == status).count();
    }
}
