package bj.gouv.masm.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;

/**
 * Camunda's built-in password policy (at least 10 characters, one lower-case and one upper-case letter, one
 * digit, one special character, not containing the user's id, names or e-mail) for every password set in
 * Admin, over REST or by code. The one exception is the demo users' fixed passwords when the demo users
 * are enabled ({@code masm.demo.enabled}: demo profile, tests), so that {@code demo} keeps working there;
 * in production nothing is exempt (MASM_ADMIN_PASSWORD must satisfy the policy too).
 */
public class MasmPasswordPolicy implements PasswordPolicy {

    private final List<PasswordPolicyRule> rules;

    public MasmPasswordPolicy(Set<String> exemptPasswords) {
        this.rules = new DefaultPasswordPolicyImpl().getRules().stream()
                .map(rule -> exemptPasswords.isEmpty() ? rule : (PasswordPolicyRule) new Exempting(rule, exemptPasswords))
                .toList();
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    private record Exempting(PasswordPolicyRule rule, Set<String> exempt) implements PasswordPolicyRule {

        @Override
        public String getPlaceholder() {
            return rule.getPlaceholder();
        }

        @Override
        public Map<String, String> getParameters() {
            return rule.getParameters();
        }

        @Override
        public boolean execute(String password) {
            return exempt.contains(password) || rule.execute(password);
        }

        @Override
        public boolean execute(String password, User user) {
            return exempt.contains(password) || rule.execute(password, user);
        }
    }
}
