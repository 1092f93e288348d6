package bj.gouv.masm;

import bj.gouv.masm.simulation.SimulationCommand;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MasmApplication {

    /** Dates are shown and computed in Benin's time zone, whatever the server's settings. */
    public static final String TIME_ZONE = "Africa/Porto-Novo";

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
        if (SimulationCommand.isSimulation(args)) {
            System.exit(SimulationCommand.run(args));
            return;
        }
        SpringApplication.run(MasmApplication.class, args);
    }
}
