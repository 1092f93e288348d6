package bj.gouv.masm.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.security.Groups;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The review cadence is a setting of the ReviewCalendar model: an analyst changes the timer cycle and
 * the input parameter {@code reviewPeriod} in Modeler, and the Java derives the period key from it.
 * The quarterly variant is the shipped BPMN edited exactly as the README says (deployed under another
 * key so the shipped calendar stays in place for the other tests).
 */
class ReviewCadenceTests extends ReviewsTestSupport {

    private static final String QUARTERLY_KEY = "ReviewCalendarQuarterlyCheck";

    @Test
    void shouldShipHalfYearlyReviewsByDefault() throws IOException {
        String model = shippedModel();
        assertThat(model).contains("<camunda:inputParameter name=\"reviewPeriod\">HALF_YEARLY</camunda:inputParameter>")
                .contains("0 0 8 1 6,12 ?");
        setClock(2083, 12, 1, 8);
        fireTimerStart(ReviewVariables.CALENDAR_PROCESS);
        assertThat(keys(departmentalReviewsOf(new HalfYear(2083, 2))))
                .containsExactlyInAnyOrderElementsOf(officeGroups.departments().stream().map(d -> d + "_2083-S2").toList());
    }

    @Test
    void shouldOpenQuarterlyReviewsWhenTheAnalystSetsTheModelToQuarterly() throws IOException {
        String quarterly = shippedModel()
                .replace("id=\"ReviewCalendar\"", "id=\"" + QUARTERLY_KEY + "\"")
                .replace("bpmnElement=\"ReviewCalendar\"", "bpmnElement=\"" + QUARTERLY_KEY + "\"")
                .replace("name=\"OpenHalfYear\"", "name=\"OpenHalfYearQuarterlyCheck\"")
                .replace("0 0 8 1 6,12 ?", "0 0 8 1 3,6,9,12 ?")
                .replace(">HALF_YEARLY</camunda:inputParameter>", ">QUARTERLY</camunda:inputParameter>");
        setClock(2084, 9, 1, 8);
        Deployment deployment = processEngine.getRepositoryService().createDeployment().name("quarterly-reviews-check")
                .addString(QUARTERLY_KEY + ".bpmn", quarterly).deploy();
        try {
            fireTimerStart(QUARTERLY_KEY);

            HalfYear q3 = HalfYear.parse("2084-Q3");
            assertThat(keys(departmentalReviewsOf(q3)))
                    .containsExactlyInAnyOrderElementsOf(officeGroups.departments().stream().map(d -> d + "_2084-Q3").toList());
            assertThat(jdbc.queryForObject("select period_start from review_half_year where half_year_key = '2084-Q3'",
                    java.sql.Date.class).toLocalDate()).isEqualTo(LocalDate.of(2084, 7, 1));
            DepartmentalReview borgou = reviewRepository.findByHalfYearKeyOrderByDepartment("2084-Q3").stream()
                    .filter(r -> r.getDepartment().equals("BORGOU")).findFirst().orElseThrow();
            assertThat(borgou.halfYear()).isEqualTo(q3);
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(QUARTERLY_KEY)
                    .processInstanceBusinessKey("2084-Q3").count()).isEqualTo(1);
        } finally {
            processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void shouldOpenAQuarterByHandThroughTheSameApi() throws Exception {
        setClock(2085, 8, 10, 10);
        HttpResponse<String> opened = post("/api/reviews/half-years/2085-Q2/open", "dpaf.agent", null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(opened.body()).contains("BORGOU_2085-Q2");
        assertThat(post("/api/reviews/half-years/2085-Q4/open", "dpaf.agent", null).statusCode())
                .as("a quarter not yet started").isEqualTo(400);
        assertThat(post("/api/reviews/half-years/2085-Q5/open", "dpaf.agent", null).statusCode()).isEqualTo(400);
    }

    private static String shippedModel() throws IOException {
        return Files.readString(Path.of("processes", "ReviewCalendar.bpmn"), StandardCharsets.UTF_8);
    }

    private static java.util.List<String> keys(java.util.List<ProcessInstance> instances) {
        return instances.stream().map(ProcessInstance::getBusinessKey).toList();
    }
}
