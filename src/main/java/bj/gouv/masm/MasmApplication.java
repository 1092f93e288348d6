package bj.gouv.masm;

import bj.gouv.masm.shared.MasmTimeZone;
import bj.gouv.masm.simulation.SimulationCommand;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MasmApplication {

    public static void main(String[] args) {
        // dates are shown and computed in the configured zone (the setting read by shared.ClockConfig),
        // whatever the server's settings; until Spring has read it, its default
        TimeZone.setDefault(TimeZone.getTimeZone(MasmTimeZone.zone()));
        if (SimulationCommand.isSimulation(args)) {
            System.exit(SimulationCommand.run(args));
            return;
        }
        SpringApplication.run(MasmApplication.class, args);
    }
}
