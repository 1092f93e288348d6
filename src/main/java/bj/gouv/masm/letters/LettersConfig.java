package bj.gouv.masm.letters;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Settings binding and the schedules of the sender and the reminders. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(LetterSettings.class)
public class LettersConfig {
}
