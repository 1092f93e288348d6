package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.TASK_SIGN_CONVENTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Convention numbers stay unique when many signatures are completed at the same moment. */
class ConventionNumberConcurrencyTests extends LifecycleTestSupport {

    @Test
    void shouldGiveTwentyParallelSignaturesTwentyDistinctNumbers() throws Exception {
        List<ProcessInstance> instances = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            instances.add(readyToSign(ptf()));
        }
        LocalDate signedOn = LocalDate.now().minusDays(1);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (ProcessInstance instance : instances) {
                String taskId = task(instance, TASK_SIGN_CONVENTION).getId();
                results.add(pool.submit(() -> {
                    go.await();
                    taskService.complete(taskId, signature(signedOn, 12));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> result : results) {
                result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> numbers = instances.stream().map(this::conventionNumber).toList();
        assertThat(numbers).hasSize(20).doesNotContainNull().doesNotHaveDuplicates()
                .allMatch(n -> n.matches("CONV-" + signedOn.getYear() + "-\\d{4}"));
        assertThat(numbers).allMatch(n -> conventionService.get(n).getStatus() == ConventionStatus.ACTIVE);
    }
}
