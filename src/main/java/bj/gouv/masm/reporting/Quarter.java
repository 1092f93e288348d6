package bj.gouv.masm.reporting;

import bj.gouv.masm.shared.ApiException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026-Q3} in business keys and URLs. */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (quarter < 1 || quarter > 4 || year < 2000 || year > 2999) {
            throw new IllegalArgumentException("Trimestre invalide : " + year + "-Q" + quarter);
        }
    }

    /** Parses {@code 2026-Q3}; anything else is a 400 with a French message. */
    public static Quarter parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw ApiException.badRequest("Trimestre invalide : « " + text + " » (format attendu : AAAA-Qn, par exemple 2026-Q3)");
        }
        try {
            return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Trimestre invalide : « " + text + " »");
        }
    }

    public static Quarter containing(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * The quarter the calendar closes on {@code date}: the quarter ending that day, otherwise the
     * last quarter already ended (so the calendar may fire on the last day of a quarter or a few
     * days later without changing which quarter it opens).
     */
    public static Quarter lastEndedOn(LocalDate date) {
        Quarter current = containing(date);
        return date.equals(current.end()) ? current : current.previous();
    }

    public LocalDate start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(end()) && !to.isBefore(start());
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(quarter, other.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
