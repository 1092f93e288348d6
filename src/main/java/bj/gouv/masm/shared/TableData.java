package bj.gouv.masm.shared;

import java.util.List;

/**
 * A list as the dashboard shows it: a title (sheet name), French column headers and rows of plain
 * values (String, Number, LocalDate, Boolean or null). Every list of the dashboard is exported from
 * one of these, so the CSV, the Excel file and the page hold the same rows.
 */
public record TableData(String title, String fileName, List<String> headers, List<List<Object>> rows) {

    public TableData {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
