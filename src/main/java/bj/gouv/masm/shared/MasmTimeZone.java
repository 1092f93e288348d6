package bj.gouv.masm.shared;

import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The application's one time zone, the setting {@code masm.time-zone} (Benin's by default). Spring code
 * injects the {@link ZoneId} or {@link java.time.Clock} bean of {@link ClockConfig}; the few static helpers
 * that run inside the engine (form input parsing) read {@link #zone()}, which {@link ClockConfig} sets from
 * the setting when the application starts. This class holds the only copy of the default zone id in
 * {@code src/main/java} ({@code TimeZoneInOnePlaceTests} keeps it so).
 */
public final class MasmTimeZone {

    /** The setting's name. */
    public static final String PROPERTY = "masm.time-zone";
    /** The default when the setting is absent (and before Spring has read it). */
    public static final String DEFAULT = "Africa/Porto-Novo";

    private static volatile ZoneId zone = ZoneId.of(DEFAULT);

    private MasmTimeZone() {
    }

    /** The configured zone (the default until the application has read its settings). */
    public static ZoneId zone() {
        return zone;
    }

    /** Called once by {@link ClockConfig} with the setting's value; the JVM's default follows it. */
    static void use(ZoneId configured) {
        zone = configured;
        TimeZone.setDefault(TimeZone.getTimeZone(configured));
    }
}
