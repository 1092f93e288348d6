package bj.gouv.masm.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the missing-password refusal into Spring Boot's short "APPLICATION FAILED TO START" report. */
public class MissingAdminPasswordFailureAnalyzer
        extends AbstractFailureAnalyzer<AdminPasswordGuard.MissingAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordGuard.MissingAdminPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the environment variable MASM_ADMIN_PASSWORD to the administrator's password "
                        + "(e.g. in docker-compose's .env), or run the demo profile for a local trial.",
                cause);
    }
}
