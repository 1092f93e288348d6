package bj.gouv.masm.simulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The behaviour of each office and each partner, drawn once from the seed (same seed, same run):
 * how many days an office takes on a task and how often it is late, how often a partner's dossier is
 * incomplete, whether an OSC reports on time, late, incompletely or not at all, whether a CPS holds its
 * reviews. Everything random in a simulation goes through {@link #random()}, consumed in a fixed order.
 */
public final class Behaviours {

    /** One office (a candidate group): days it takes on a task, share of late tasks. */
    public record Office(String group, double meanDays, double lateShare, double reviewHeldShare) {
    }

    /** One partner: dossier habits and, for an OSC, its quarterly reporting habits. */
    public record Partner(long id, boolean osc, boolean filesDossier, LocalDate arrival, double incompleteShare,
                          double answersMissingDocuments, double missShare, double lateShare,
                          double indicatorCompleteness) {
    }

    private final Random random;
    private final Map<String, Office> offices = new HashMap<>();
    private final Map<Long, Partner> partners = new HashMap<>();

    public Behaviours(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public Office office(String group) {
        return offices.computeIfAbsent(group, g -> {
            boolean central = !g.startsWith(bj.gouv.masm.security.Groups.CPS_PREFIX);
            double mean = central ? between(3, 9) : between(2, 12);
            return new Office(g, mean, between(0.05, 0.30), between(0.55, 1.0));
        });
    }

    /**
     * Draws a partner's behaviour. Dossiers arrive over the first years of the run (most in the first
     * two), fewer in August and December; 85% of partners file one.
     */
    public Partner partner(long id, boolean osc, LocalDate start, LocalDate end) {
        return partners.computeIfAbsent(id, k -> {
            boolean files = random.nextDouble() < 0.85;
            long span = Math.max(30, java.time.temporal.ChronoUnit.DAYS.between(start, end) * 2 / 3);
            LocalDate arrival;
            do {
                arrival = start.plusDays((long) (Math.pow(random.nextDouble(), 1.3) * span));
            } while ((arrival.getMonthValue() == 8 || arrival.getMonthValue() == 12) && random.nextDouble() < 0.6);
            arrival = workingDay(arrival);
            // reporting: most OSCs report, a few rarely; completeness of the 77 SIDoFFE indicators
            double profile = random.nextDouble();
            double miss = profile < 0.60 ? between(0.0, 0.08) : profile < 0.85 ? between(0.10, 0.35) : between(0.4, 0.8);
            double completeness = random.nextDouble() < 0.6 ? 1.0 : between(0.3, 0.95);
            return new Partner(id, osc, files, arrival, between(0.1, 0.4), between(0.6, 0.95), miss,
                    between(0.05, 0.35), completeness);
        });
    }

    public Partner partner(long id) {
        return partners.get(id);
    }

    public List<Partner> partners() {
        return partners.values().stream().sorted(java.util.Comparator.comparingLong(Partner::id)).toList();
    }

    public double between(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Days an office takes on one task: around its mean, three times as long when late. */
    public int daysTaken(Office office, boolean late) {
        double days = office.meanDays() * (0.3 + random.nextDouble() * 1.4);
        if (late) {
            days = days * 2.5 + 5;
        }
        return Math.max(0, (int) Math.round(days));
    }

    public static LocalDate workingDay(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Picks one value with the given weights (same length). */
    public <T> T weighted(List<T> values, double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            r -= weights[i];
            if (r < 0) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
