package bj.gouv.masm.security;

import bj.gouv.masm.shared.CurrentActor;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Camunda's own user store with two changes.
 * <ul>
 * <li>Lockout is <b>time-limited</b>: Camunda locks a user for good after {@code login-max-attempts}
 * failures (until an administrator unlocks it), so anybody could lock the administrator out by typing
 * wrong passwords. Here the {@code login-max-attempts}-th failure locks the account for
 * {@code masm.security.lock-duration} (default 15 minutes); each further failure after that starts the lock
 * again; a right password after the lock resets the count. Before that, Camunda's growing delay applies
 * ({@code login-delay-*}). "Unlock" in Admin still ends a lock at once.</li>
 * <li>Reserved user ids: {@code system} (what the audit trail and the access rules call the engine's own
 * jobs, which see every department) and {@code anonymous} cannot be created, neither in Admin nor over
 * REST (400).</li>
 * </ul>
 */
public class TimedLockIdentityProvider extends DbIdentityServiceProvider {

    static final Set<String> RESERVED_IDS = Set.of(CurrentActor.SYSTEM, SecurityAudit.ANONYMOUS);
    static final String RESERVED_MESSAGE = "L'identifiant « %s » est réservé au système : choisissez-en un autre";

    private static volatile Duration lockDuration = Duration.ofMinutes(15);

    static void setLockDuration(Duration duration) {
        lockDuration = duration;
    }

    static Duration lockDuration() {
        return lockDuration;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        Date until = user.getLockExpirationTime();
        return until != null && until.after(ClockUtil.getCurrentTime());
    }

    @Override
    protected void lockUser(UserEntity user) {
        ProcessEngineConfigurationImpl config = Context.getProcessEngineConfiguration();
        int attempts = user.getAttempts() + 1;
        long delayMillis;
        if (attempts >= config.getLoginMaxAttempts()) {
            delayMillis = lockDuration.toMillis();
        } else {
            long seconds = (long) (config.getLoginDelayBase() * Math.pow(config.getLoginDelayFactor(), attempts - 1));
            delayMillis = Math.min(seconds, config.getLoginDelayMaxTime()) * 1000L;
        }
        Date until = new Date(ClockUtil.getCurrentTime().getTime() + delayMillis);
        getIdentityInfoManager().updateUserLock(user, attempts, until);
        VerifiedCredentialsCache.identitiesChanged();
    }

    // Every change to users, groups, tenants and memberships empties the verified-credentials cache of
    // /engine-rest (VerifiedCredentialsCache): a new password, a lock or a removed membership applies at once.
    // (Unlocking needs nothing: the cache only ever holds passwords the engine accepted.)

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        VerifiedCredentialsCache.identitiesChanged();
        return super.deleteUser(userId);
    }

    @Override
    public IdentityOperationResult saveGroup(org.camunda.bpm.engine.identity.Group group) {
        VerifiedCredentialsCache.identitiesChanged();
        return super.saveGroup(group);
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        VerifiedCredentialsCache.identitiesChanged();
        return super.deleteGroup(groupId);
    }

    @Override
    public IdentityOperationResult saveTenant(org.camunda.bpm.engine.identity.Tenant tenant) {
        VerifiedCredentialsCache.identitiesChanged();
        return super.saveTenant(tenant);
    }

    @Override
    public IdentityOperationResult deleteTenant(String tenantId) {
        VerifiedCredentialsCache.identitiesChanged();
        return super.deleteTenant(tenantId);
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        VerifiedCredentialsCache.identitiesChanged();
        return super.createMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        VerifiedCredentialsCache.identitiesChanged();
        return super.deleteMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
        VerifiedCredentialsCache.identitiesChanged();
        return super.createTenantUserMembership(tenantId, userId);
    }

    @Override
    public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
        VerifiedCredentialsCache.identitiesChanged();
        return super.createTenantGroupMembership(tenantId, groupId);
    }

    @Override
    public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
        VerifiedCredentialsCache.identitiesChanged();
        return super.deleteTenantUserMembership(tenantId, userId);
    }

    @Override
    public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
        VerifiedCredentialsCache.identitiesChanged();
        return super.deleteTenantGroupMembership(tenantId, groupId);
    }

    @Override
    public UserEntity createNewUser(String userId) {
        refuseReserved(userId);
        return super.createNewUser(userId);
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        if (((UserEntity) user).getRevision() == 0) {
            refuseReserved(user.getId());
        }
        VerifiedCredentialsCache.identitiesChanged();
        return super.saveUser(user);
    }

    static void refuseReserved(String userId) {
        if (userId != null && RESERVED_IDS.contains(userId.trim().toLowerCase(Locale.ROOT))) {
            throw new BadUserRequestException(RESERVED_MESSAGE.formatted(userId));
        }
    }
}
