package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The failed-login count grows before the client can hold its 401, and whatever the audit trail does. */
class LoginAttemptFilterTests {

    final AtomicLong now = new AtomicLong(1_000_000);
    final AddressThrottle throttle = new AddressThrottle(2, Duration.ofMinutes(5), now::get);

    @Test
    void shouldCountAFailureBeforeTheUnauthorizedAnswerIsFlushedToTheClient() throws Exception {
        LoginAttemptFilter filter = new LoginAttemptFilter(throttle, mock(SecurityAudit.class));
        long[] waitSeenWhenFlushed = new long[1];
        FilterChain answersUnauthorizedAndFlushes = (request, response) -> {
            SecurityResponses.json((HttpServletResponse) response, 401, "Identifiants refusés");
            // the client has its answer now and may send the next attempt at once
            waitSeenWhenFlushed[0] = throttle.retryAfterSeconds("10.0.0.9");
        };
        filter.doFilter(basic("10.0.0.9"), new MockHttpServletResponse(), answersUnauthorizedAndFlushes);
        filter.doFilter(basic("10.0.0.9"), new MockHttpServletResponse(), answersUnauthorizedAndFlushes);

        assertThat(waitSeenWhenFlushed[0]).as("the second failure already counted when its 401 left").isPositive();
        MockHttpServletResponse third = new MockHttpServletResponse();
        filter.doFilter(basic("10.0.0.9"), third, (request, response) -> {
            throw new AssertionError("no password may be checked for a throttled address");
        });
        assertThat(third.getStatus()).isEqualTo(429);
    }

    @Test
    void shouldCountAFailureOnceWhenTheStatusIsSetTwice() throws Exception {
        LoginAttemptFilter filter = new LoginAttemptFilter(throttle, mock(SecurityAudit.class));
        filter.doFilter(basic("10.0.0.10"), new MockHttpServletResponse(), (request, response) -> {
            ((HttpServletResponse) response).setStatus(401);
            ((HttpServletResponse) response).sendError(401);
        });
        assertThat(throttle.retryAfterSeconds("10.0.0.10")).as("one failure of two allowed").isZero();
    }

    @Test
    void shouldThrottleEvenWhenTheAuditTrailCannotBeWritten() throws Exception {
        SecurityAudit broken = mock(SecurityAudit.class);
        doThrow(new IllegalStateException("database down")).when(broken)
                .record(anyString(), eq(SecurityAudit.LOGIN), any(), anyString(), anyString());
        LoginAttemptFilter filter = new LoginAttemptFilter(throttle, broken);
        for (int i = 0; i < 2; i++) {
            filter.doFilter(basic("10.0.0.11"), new MockHttpServletResponse(),
                    (request, response) -> ((HttpServletResponse) response).setStatus(401));
        }
        assertThat(throttle.retryAfterSeconds("10.0.0.11")).isPositive();
    }

    private static MockHttpServletRequest basic(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/reference/departments");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("ghost:faux".getBytes(StandardCharsets.UTF_8)));
        return request;
    }
}
