package bj.gouv.masm.dashboard;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: runs the overlap detection once the demo reports (40) and the demo PTF funding (50) are
 * loaded, so the overlap list shows the possible double funding on first start.
 */
@Component
@ConditionalOnProperty(name = "masm.demo.data-enabled", havingValue = "true")
@RequiredArgsConstructor
public class DemoOverlapDetection {

    private static final Logger log = LoggerFactory.getLogger(DemoOverlapDetection.class);

    private final OverlapService overlaps;

    @EventListener(ApplicationReadyEvent.class)
    @Order(51)
    public void detect() {
        log.info("Demo overlap detection: {} overlap flag(s)", overlaps.detect());
    }
}
