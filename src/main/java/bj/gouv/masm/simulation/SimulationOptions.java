package bj.gouv.masm.simulation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Options of {@code simulate --partners=N --years=Y --seed=S --out=DIR [--processes=DIR] [--start=YYYY-MM-DD]}.
 *
 * @param processes a folder whose BPMN/DMN/form files replace the shipped ones of the same name (and
 *                  add new ones): an analyst simulates an edited copy before deploying it; null = shipped models
 */
public record SimulationOptions(int partners, int years, long seed, Path out, Path processes, LocalDate start) {

    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 1, 1);

    public SimulationOptions {
        if (partners < 1 || partners > 100_000) {
            throw new IllegalArgumentException("--partners doit être entre 1 et 100000");
        }
        if (years < 1 || years > 30) {
            throw new IllegalArgumentException("--years doit être entre 1 et 30");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out=DOSSIER est obligatoire");
        }
    }

    public LocalDate end() {
        return start.plusYears(years);
    }

    /** Parses the arguments after {@code simulate}; unknown options are refused. */
    public static SimulationOptions parse(String[] args) {
        int partners = 100;
        int years = 2;
        long seed = 1L;
        Path out = null;
        Path processes = null;
        LocalDate start = DEFAULT_START;
        for (String arg : args) {
            if (arg.equals("simulate")) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Option inconnue : " + arg);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1).trim();
            try {
                switch (name) {
                    case "partners" -> partners = Integer.parseInt(value);
                    case "years" -> years = Integer.parseInt(value);
                    case "seed" -> seed = Long.parseLong(value);
                    case "out" -> out = Path.of(value);
                    case "processes" -> processes = Path.of(value);
                    case "start" -> start = LocalDate.parse(value);
                    default -> throw new IllegalArgumentException("Option inconnue : " + arg);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("Valeur invalide pour --" + name + " : " + value);
            }
        }
        return new SimulationOptions(partners, years, seed, out, processes, start);
    }

    public static String usage() {
        return "Usage : simulate --partners=N --years=Y --seed=S --out=DOSSIER [--processes=DOSSIER] [--start=AAAA-MM-JJ]";
    }
}
