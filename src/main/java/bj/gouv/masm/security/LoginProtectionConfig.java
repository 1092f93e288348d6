package bj.gouv.masm.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Failed logins: recorded and counted per client address on every channel that checks a password. */
@Configuration
public class LoginProtectionConfig {

    @Bean
    AddressThrottle addressThrottle(@Value("${masm.security.address-max-failures:30}") int maxFailures,
                                    @Value("${masm.security.address-window:PT5M}") Duration window) {
        return new AddressThrottle(maxFailures, window, System::currentTimeMillis);
    }

    @Bean
    FilterRegistrationBean<LoginAttemptFilter> loginAttemptFilter(AddressThrottle throttle, SecurityAudit audit) {
        FilterRegistrationBean<LoginAttemptFilter> registration =
                new FilterRegistrationBean<>(new LoginAttemptFilter(throttle, audit));
        registration.setName("masm-login-attempts");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/admin/auth/user/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
