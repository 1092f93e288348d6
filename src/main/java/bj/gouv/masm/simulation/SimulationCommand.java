package bj.gouv.masm.simulation;

import bj.gouv.masm.MasmApplication;
import bj.gouv.masm.shared.MasmTimeZone;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar app.jar simulate ...}: boots the application in its own mode — profile
 * {@code simulation}, in-memory H2 database (never the configured one: these settings are passed as
 * command-line properties, which win over environment variables), no HTTP port, no job executor (the
 * simulator fires the jobs on its own clock) — runs the {@link Simulator} and exits.
 */
public final class SimulationCommand {

    public static final String COMMAND = "simulate";
    public static final String PROFILE = "simulation";

    private SimulationCommand() {
    }

    public static boolean isSimulation(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** @return the process exit code */
    public static int run(String[] args) {
        SimulationOptions options;
        try {
            options = SimulationOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SimulationOptions.usage());
            return 2;
        }
        // the engine's clock is process-wide: the whole run, start-up included, happens at simulated time
        ClockUtil.setCurrentTime(Date.from(options.start().atTime(7, 0)
                .atZone(MasmTimeZone.zone()).toInstant()));
        SpringApplication application = new SpringApplication(MasmApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        String[] properties = {
                "--spring.profiles.active=" + PROFILE,
                // the API's security chain needs a web context; -1: the server listens on no port at all
                "--server.port=-1",
                "--spring.datasource.url=jdbc:h2:mem:masm-simulation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.datasource.driver-class-name=org.h2.Driver",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.auto-deployment-enabled=false",
                // sequential ids: one thread, so the same seed gives the same run
                "--camunda.bpm.id-generator=simple",
                "--masm.demo.enabled=false",
                "--masm.demo.data-enabled=false",
                // a throw-away administrator password: nobody logs in to a simulation
                "--MASM_ADMIN_PASSWORD=Simulation-" + UUID.randomUUID() + "-Az9!"};
        try (ConfigurableApplicationContext context = application.run(properties)) {
            SimulationResult result = context.getBean(Simulator.class).run(options);
            context.getBean(SimulationReportWriter.class).write(result, options.out());
            System.out.printf("Simulation terminée en %.1f s : %d tâches, %d minuteries, %d violation(s) d'invariant. "
                            + "Rapport : %s%n", result.elapsedSeconds(), result.userTasksCompleted(), result.timersFired(),
                    result.invariantViolations().size(), options.out().resolve("simulation.html").toAbsolutePath());
            return 0;
        } catch (Exception e) {
            System.err.println("La simulation a échoué : " + e);
            e.printStackTrace();
            return 1;
        } finally {
            ClockUtil.reset();
        }
    }
}
