package bj.gouv.masm.shared;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfig {

    /**
     * Our clock follows the engine's ClockUtil, so a test that moves Camunda's time moves ours too
     * (timers, deadlines and dates stay consistent).
     */
    @Bean
    Clock clock(ZoneId masmZone) {
        return new EngineClock(masmZone);
    }

    /** The setting {@code masm.time-zone}, read here only (README, "One rule, one place"). */
    @Bean
    ZoneId masmZone(@Value("${" + MasmTimeZone.PROPERTY + ":" + MasmTimeZone.DEFAULT + "}") String zone) {
        ZoneId id = ZoneId.of(zone);
        MasmTimeZone.use(id);
        return id;
    }

    static final class EngineClock extends Clock {
        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new EngineClock(zone);
        }

        @Override
        public java.time.Instant instant() {
            Date now = ClockUtil.getCurrentTime();
            return now.toInstant();
        }
    }
}
