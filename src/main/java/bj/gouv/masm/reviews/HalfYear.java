package bj.gouv.masm.reviews;

import bj.gouv.masm.shared.ApiException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of the review calendar. By default a half-year, written {@code <YYYY>-S<1|2>} (e.g.
 * {@code 2026-S2}): S1 is January-June (review in June), S2 July-December (review in December).
 * When the model's {@code reviewPeriod} is quarterly, a quarter written {@code <YYYY>-Q<1..4>}
 * (e.g. {@code 2026-Q3}, review in September). The name stays for the public contract.
 *
 * @param number the period's number within the year (1-2 half-yearly, 1-4 quarterly)
 */
public record HalfYear(int year, int number, ReviewCadence cadence) implements Comparable<HalfYear> {

    private static final Pattern KEY = Pattern.compile("^(\\d{4})-([SQ])([1-4])$");

    public HalfYear {
        if (cadence == null) {
            cadence = ReviewCadence.HALF_YEARLY;
        }
        if (year < 2000 || year > 2999 || number < 1 || number > cadence.periodsPerYear()) {
            throw new IllegalArgumentException("Période invalide : " + year + "-" + cadence.letter() + number);
        }
    }

    /** A half-year ({@code semester} 1 or 2). */
    public HalfYear(int year, int semester) {
        this(year, semester, ReviewCadence.HALF_YEARLY);
    }

    /** Parses {@code 2026-S1} or {@code 2026-Q3}; a malformed key is a 400 for the API. */
    public static HalfYear parse(String key) {
        Matcher matcher = key == null ? null : KEY.matcher(key.trim());
        if (matcher == null || !matcher.matches()) {
            throw ApiException.badRequest("Semestre invalide : « " + key
                    + " » (format attendu AAAA-S1 ou AAAA-S2, ex. 2026-S1 ; AAAA-Q1 à AAAA-Q4 pour des revues trimestrielles)");
        }
        try {
            return new HalfYear(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(3)),
                    ReviewCadence.ofLetter(matcher.group(2).charAt(0)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Semestre invalide : « " + key + " »");
        }
    }

    public static boolean isKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return false;
        }
        return key.charAt(5) == 'Q' || key.charAt(6) <= '2';
    }

    /** The half-year a date falls in. */
    public static HalfYear containing(LocalDate date) {
        return containing(date, ReviewCadence.HALF_YEARLY);
    }

    /** The period of the cadence a date falls in (e.g. 1 September, quarterly → Q3). */
    public static HalfYear containing(LocalDate date, ReviewCadence cadence) {
        return new HalfYear(date.getYear(), (date.getMonthValue() - 1) / cadence.months() + 1, cadence);
    }

    /** The half-year of the year the period falls in (1 or 2), as stored in the tables' {@code semester}. */
    public int semester() {
        return cadence == ReviewCadence.HALF_YEARLY ? number : (number <= 2 ? 1 : 2);
    }

    public LocalDate start() {
        return LocalDate.of(year, (number - 1) * cadence.months() + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(cadence.months()).minusDays(1);
    }

    /** The month the review is held in (the period's last month: June or December by default): its last day. */
    public LocalDate reviewMonthEnd() {
        return end();
    }

    /** End of the review month (midnight after its last day) in the given zone. */
    public ZonedDateTime reviewMonthClosesAt(ZoneId zone) {
        return end().plusDays(1).atStartOfDay(zone);
    }

    /** First quarter of the period (1 or 3 for a half-year; the quarter itself when quarterly). */
    public int firstQuarter() {
        return (start().getMonthValue() - 1) / 3 + 1;
    }

    public int lastQuarter() {
        return (end().getMonthValue() - 1) / 3 + 1;
    }

    public HalfYear previous() {
        return number > 1 ? new HalfYear(year, number - 1, cadence)
                : new HalfYear(year - 1, cadence.periodsPerYear(), cadence);
    }

    public HalfYear next() {
        return number < cadence.periodsPerYear() ? new HalfYear(year, number + 1, cadence)
                : new HalfYear(year + 1, 1, cadence);
    }

    public String label() {
        String rank = number == 1 ? "1er" : cadence == ReviewCadence.HALF_YEARLY ? "2nd" : number + "e";
        return rank + (cadence == ReviewCadence.HALF_YEARLY ? " semestre " : " trimestre ") + year;
    }

    @Override
    public int compareTo(HalfYear other) {
        if (year != other.year) {
            return Integer.compare(year, other.year);
        }
        int byStart = start().compareTo(other.start());
        return byStart != 0 ? byStart : Integer.compare(cadence.months(), other.cadence.months());
    }

    @Override
    public String toString() {
        return year + "-" + cadence.letter() + number;
    }
}
