package bj.gouv.masm.reviews;

import bj.gouv.masm.shared.ApiException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half-year of the review calendar, written {@code <YYYY>-S<1|2>} (e.g. {@code 2026-S2}).
 * S1 is January-June (review in June), S2 July-December (review in December).
 */
public record HalfYear(int year, int semester) implements Comparable<HalfYear> {

    private static final Pattern KEY = Pattern.compile("^(\\d{4})-S([12])$");

    public HalfYear {
        if (year < 2000 || year > 2999 || (semester != 1 && semester != 2)) {
            throw new IllegalArgumentException("Semestre invalide : " + year + "-S" + semester);
        }
    }

    /** Parses {@code 2026-S1}; a malformed key is a 400 for the API. */
    public static HalfYear parse(String key) {
        Matcher matcher = key == null ? null : KEY.matcher(key.trim());
        if (matcher == null || !matcher.matches()) {
            throw ApiException.badRequest("Semestre invalide : « " + key + " » (format attendu AAAA-S1 ou AAAA-S2, ex. 2026-S1)");
        }
        try {
            return new HalfYear(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Semestre invalide : « " + key + " »");
        }
    }

    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** The half-year a date falls in. */
    public static HalfYear containing(LocalDate date) {
        return new HalfYear(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
    }

    public LocalDate start() {
        return LocalDate.of(year, semester == 1 ? 1 : 7, 1);
    }

    public LocalDate end() {
        return semester == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    /** The month the review is held in (June or December): its last day. */
    public LocalDate reviewMonthEnd() {
        return end();
    }

    /** End of the review month (midnight after its last day) in the given zone. */
    public ZonedDateTime reviewMonthClosesAt(ZoneId zone) {
        return end().plusDays(1).atStartOfDay(zone);
    }

    /** First and second quarter numbers of the half-year (1,2 or 3,4). */
    public int firstQuarter() {
        return semester == 1 ? 1 : 3;
    }

    public int lastQuarter() {
        return firstQuarter() + 1;
    }

    public HalfYear previous() {
        return semester == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
    }

    public HalfYear next() {
        return semester == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
    }

    public String label() {
        return (semester == 1 ? "1er semestre " : "2nd semestre ") + year;
    }

    @Override
    public int compareTo(HalfYear other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(semester, other.semester);
    }

    @Override
    public String toString() {
        return year + "-S" + semester;
    }
}
