package bj.gouv.masm.reporting;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Loads the communes and the SIDoFFE indicator catalogue from their CSV files at every start (upsert). */
@Component
@RequiredArgsConstructor
public class ReportingReferenceLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportingReferenceLoader.class);

    private final CommuneDirectory communes;
    private final IndicatorCatalogue indicators;

    @Override
    public void run(ApplicationArguments args) {
        int c = communes.load();
        int i = indicators.load();
        log.info("Reporting reference data loaded: {} communes, {} SIDoFFE indicators", c, i);
    }
}
