package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MASM_ADMIN_PASSWORD stays the administrator's password across restarts: a new value rotates it (and
 * unlocks the account), the same value changes nothing. Run on an account of its own, not the tests' admin.
 */
class AdminPasswordSyncTests extends IntegrationTestBase {

    static final String ACCOUNT = "sync.admin.test";
    static final String OLD_PASSWORD = "Ancien-Mot-de-passe-2026!";
    static final String NEW_PASSWORD = "Nouveau-Mot-de-passe-2026!";

    IdentityService identity;

    @BeforeEach
    void createAccount() {
        identity = processEngine.getIdentityService();
        User user = identity.newUser(ACCOUNT);
        user.setFirstName("Administrateur");
        user.setLastName("Rotation");
        user.setPassword(OLD_PASSWORD);
        identity.saveUser(user);
    }

    @AfterEach
    void deleteAccount() {
        identity.deleteUser(ACCOUNT);
    }

    private UserEntity stored() {
        return (UserEntity) identity.createUserQuery().userId(ACCOUNT).singleResult();
    }

    @Test
    void shouldRotateThePasswordWhenTheVariableChangesAtRestart() {
        new AdminPasswordSync(processEngine, NEW_PASSWORD, ACCOUNT).synchronise();

        assertThat(identity.checkPassword(ACCOUNT, NEW_PASSWORD)).isTrue();
    }

    @Test
    void shouldGiveTheAccountBackWhenItWasLockedOrDelayed() {
        assertThat(identity.checkPassword(ACCOUNT, "pas-le-bon")).isFalse(); // a failed login: attempt counted, delay
        assertThat(stored().getAttempts()).isPositive();

        new AdminPasswordSync(processEngine, NEW_PASSWORD, ACCOUNT).synchronise();

        assertThat(stored().getAttempts()).isZero();
        assertThat(stored().getLockExpirationTime()).isNull();
        assertThat(identity.checkPassword(ACCOUNT, NEW_PASSWORD)).isTrue();
    }

    @Test
    void shouldChangeNothingWhenTheVariableIsTheStoredPassword() {
        int revision = stored().getRevision();

        new AdminPasswordSync(processEngine, OLD_PASSWORD, ACCOUNT).synchronise();

        assertThat(stored().getRevision()).as("no update, no failed attempt recorded").isEqualTo(revision);
        assertThat(stored().getAttempts()).isZero();
        assertThat(identity.checkPassword(ACCOUNT, OLD_PASSWORD)).isTrue();
    }
}
