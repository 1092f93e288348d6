package bj.gouv.masm.dashboard;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the overlap detection shortly after start and then every {@code masm.overlaps.detection-interval}
 * (default 15 minutes), so activities recorded with the quarterly reports are checked without anyone
 * asking. Off wherever the engine's job executor is off (tests drive the detection themselves) or
 * when {@code masm.overlaps.scheduled=false}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = {"camunda.bpm.job-execution.enabled", "masm.overlaps.scheduled"}, havingValue = "true",
        matchIfMissing = true)
@RequiredArgsConstructor
public class OverlapDetectionSchedule {

    private final OverlapService service;

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${masm.overlaps.detection-interval:PT15M}")
    public void detect() {
        service.detect();
    }
}
