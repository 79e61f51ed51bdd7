package org.dudao.user.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dudao.audit.AuditLog;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.Grant;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.dudao.user.RoleHolder;
import org.dudao.user.Users;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration, and the holders of a role for other features ({@link Users}). An administrator manages a user only when every grant of that user lies inside the
 * administrator's own ADMIN scope, so a county admin can never touch a city account.
 */
@Service
public class Accounts implements Users {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");

    private final AppUserRepository users;
    private final UserLoader loader;
    private final OrgUnits orgUnits;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Revocations revocations;
    private final Clock clock;

    Accounts(
            AppUserRepository users,
            UserLoader loader,
            OrgUnits orgUnits,
            PasswordEncoder encoder,
            AuditLog audit,
            Revocations revocations,
            Clock clock) {
        this.users = users;
        this.loader = loader;
        this.orgUnits = orgUnits;
        this.encoder = encoder;
        this.audit = audit;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserView> list(String query) {
        List<Grant> admin = adminGrants();
        String q = query == null ? "" : query.trim().toLowerCase();
        List<UserView> result = new ArrayList<>();
        for (AppUser u : users.findAllByOrderByUsernameAsc()) {
            List<Grant> grants = loader.grants(u);
            if (manages(admin, grants)
                    && (q.isEmpty()
                            || u.getUsername().toLowerCase().contains(q)
                            || u.getDisplayName().toLowerCase().contains(q))) {
                result.add(view(u, grants));
            }
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RoleHolder> holders(Role role, String path) {
        Access.requireRead(path, "org unit " + path);
        List<RoleHolder> result = new ArrayList<>();
        for (AppUser u : users.findAllByOrderByUsernameAsc()) {
            if (!u.isEnabled() || u.getGrants().stream().noneMatch(g -> g.getRole() == role)) {
                continue;
            }
            List<Grant> grants = loader.grants(u);
            if (grants.stream()
                    .anyMatch(g ->
                            g.role() == role && g.path() != null && g.path().startsWith(path))) {
                result.add(new RoleHolder(u.getUsername(), u.getDisplayName(), grants));
            }
        }
        return result;
    }

    @Transactional(readOnly = true)
    public UserView get(String username) {
        AppUser user = managed(username);
        return view(user, loader.grants(user));
    }

    @Transactional
    public UserView create(UserForm form) {
        Problems problems = new Problems();
        if (problems.required("username", form.username())) {
            if (!USERNAME.matcher(form.username().trim()).matches()) {
                problems.add("username", "user.error.username-format");
            } else if (users.existsByUsernameKey(AppUser.key(form.username().trim()))) {
                problems.add(
                        "username", "user.error.username-taken", form.username().trim());
            }
        }
        checkPassword(problems, "password", form.password());
        List<RoleGrant> grants = checkCommon(form, problems);
        problems.throwIfAny();
        AppUser user = new AppUser(
                form.username().trim(), form.displayName().trim(), encoder.encode(form.password()), Instant.now(clock));
        user.edit(form.displayName().trim(), blankToNull(form.phone()), form.enabled() == null || form.enabled());
        user.getGrants().addAll(grants);
        // a password set by an administrator is temporary unless the administrator says otherwise
        user.changePassword(user.getPasswordHash(), form.mustChangePassword() == null || form.mustChangePassword());
        users.saveAndFlush(user);
        UserView view = view(user, loader.grants(user));
        audit.created("User", user.getUsername(), user.getDisplayName(), scopeOf(user), view);
        return view;
    }

    @Transactional
    public UserView update(String username, UserForm form) {
        AppUser user = managed(username);
        if (form.version() != null && form.version() != user.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(AppUser.class, user.getId());
        }
        UserView before = view(user, loader.grants(user));
        Problems problems = new Problems();
        List<RoleGrant> grants = checkCommon(form, problems);
        if (user.getId().equals(Access.currentUser().id())) {
            checkSelfEdit(user, form, grants, problems);
        }
        problems.throwIfAny();
        user.edit(form.displayName().trim(), blankToNull(form.phone()), form.enabled() == null || form.enabled());
        user.getGrants().clear();
        users.flush();
        user.getGrants().addAll(grants);
        users.flush();
        UserView after = view(user, loader.grants(user));
        if (!after.grants().equals(before.grants()) || (before.enabled() && !after.enabled())) {
            // sessions hold the grants read at sign-in: the user signs in again and gets the new ones
            revocations.endSessions(user, true);
        }
        audit.updated("User", user.getUsername(), user.getDisplayName(), scopeOf(user), before, after);
        return after;
    }

    /** Sets a temporary password that the user must change at next sign-in; also unlocks the account. */
    @Transactional
    public void resetPassword(String username, String newPassword) {
        AppUser user = managed(username);
        Problems problems = new Problems();
        checkPassword(problems, "password", newPassword);
        problems.throwIfAny();
        user.changePassword(encoder.encode(newPassword), true);
        String revoked = revocations.revoke(user, false);
        audit.updated(
                "User",
                user.getUsername(),
                user.getDisplayName(),
                scopeOf(user),
                "password",
                "password reset; " + revoked);
    }

    @Transactional
    public void unlock(String username) {
        AppUser user = managed(username);
        user.unlock();
        audit.updated("User", user.getUsername(), user.getDisplayName(), scopeOf(user), "locked", "unlocked");
    }

    /** The signed-in user changes their own password. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        AppUser user = users.findById(Access.currentUser().id()).orElseThrow();
        Problems problems = new Problems();
        if (currentPassword == null || !encoder.matches(currentPassword, user.getPasswordHash())) {
            problems.add("currentPassword", "user.error.wrong-password");
        }
        checkPassword(problems, "newPassword", newPassword);
        if (newPassword != null && newPassword.equals(currentPassword)) {
            problems.add("newPassword", "user.error.same-password");
        }
        problems.throwIfAny();
        user.changePassword(encoder.encode(newPassword), false);
        // the session that changed the password goes on; every other session and every token ends
        String revoked = revocations.revoke(user, true);
        audit.updated(
                "User",
                user.getUsername(),
                user.getDisplayName(),
                scopeOf(user),
                "password",
                "password changed; " + revoked);
    }

    @Transactional(readOnly = true)
    public boolean mustChangePassword(Long userId) {
        return userId != null && users.mustChangePassword(userId).orElse(false);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** An administrator editing himself keeps his administrator role, gains no role and stays enabled. */
    private static void checkSelfEdit(AppUser self, UserForm form, List<RoleGrant> grants, Problems problems) {
        if (grants.stream().noneMatch(g -> g.getRole() == Role.ADMIN)) {
            problems.add("grants", "user.error.keep-own-admin");
        }
        Set<String> held = new java.util.HashSet<>();
        self.getGrants().forEach(g -> held.add(g.getRole() + "@" + g.getOrgUnitId()));
        if (grants.stream().anyMatch(g -> !held.contains(g.getRole() + "@" + g.getOrgUnitId()))) {
            problems.add("grants", "user.error.grant-self");
        }
        if (form.enabled() != null && !form.enabled()) {
            problems.add("enabled", "user.error.disable-self");
        }
    }

    private List<RoleGrant> checkCommon(UserForm form, Problems problems) {
        if (problems.required("displayName", form.displayName())) {
            problems.name("displayName", form.displayName(), 64);
        }
        problems.maxLength("phone", form.phone(), 30);
        List<Grant> admin = adminGrants();
        Set<RoleGrant> result = new LinkedHashSet<>();
        List<UserView.GrantView> grants = form.grants() == null ? List.of() : form.grants();
        if (grants.isEmpty()) {
            problems.add("grants", "user.error.no-grants");
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < grants.size(); i++) {
            UserView.GrantView g = grants.get(i);
            String field = "grants[" + i + "]";
            if (g == null) {
                problems.add(field, "error.required");
                continue;
            }
            Role role = parseRole(g.role());
            if (role == null) {
                problems.add(field + ".role", "user.error.role-unknown", g.role());
                continue;
            }
            Long unitId = null;
            String path = null;
            if (g.orgUnit() != null && !g.orgUnit().isBlank()) {
                try {
                    OrgUnitRef ref = orgUnits.readable(g.orgUnit().trim());
                    unitId = ref.id();
                    path = ref.path();
                } catch (NotFoundException e) {
                    problems.add(field + ".orgUnit", "org.error.parent-unknown", g.orgUnit());
                    continue;
                }
            }
            String target = path;
            if (admin.stream().noneMatch(a -> a.path() == null || (target != null && target.startsWith(a.path())))) {
                problems.add(field + ".orgUnit", "user.error.grant-out-of-scope");
                continue;
            }
            if (seen.add(role + "@" + unitId)) {
                result.add(new RoleGrant(role, unitId));
            }
        }
        return new ArrayList<>(result);
    }

    private static Role parseRole(String text) {
        if (text == null) {
            return null;
        }
        for (Role r : Role.values()) {
            if (r.name().equalsIgnoreCase(text.trim())) {
                return r;
            }
        }
        return null;
    }

    /** BCrypt reads no more than 72 bytes of a password (and Spring Security refuses longer ones). */
    static final int MAX_PASSWORD_BYTES = 72;

    static void checkPassword(Problems problems, String field, String password) {
        if (!problems.required(field, password)) {
            return;
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(field, "user.error.password-too-long", MAX_PASSWORD_BYTES);
        } else if (password.length() < 8 || !password.matches(".*[A-Za-z].*") || !password.matches(".*\\d.*")) {
            problems.add(field, "user.error.password-weak");
        }
    }

    private AppUser managed(String username) {
        AppUser user = users.findByUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> new NotFoundException("user " + username));
        if (!manages(adminGrants(), loader.grants(user))) {
            throw new NotFoundException("user " + username);
        }
        return user;
    }

    private static List<Grant> adminGrants() {
        List<Grant> admin =
                Access.grants().stream().filter(g -> g.role() == Role.ADMIN).toList();
        if (admin.isEmpty()) {
            throw new ForbiddenException("error.forbidden");
        }
        return admin;
    }

    private static boolean manages(List<Grant> admin, List<Grant> grants) {
        if (admin.stream().anyMatch(a -> a.path() == null)) {
            return true;
        }
        return !grants.isEmpty()
                && grants.stream()
                        .allMatch(g -> g.path() != null
                                && admin.stream().anyMatch(a -> g.path().startsWith(a.path())));
    }

    private UserView view(AppUser u, List<Grant> grants) {
        Map<Long, OrgUnitRef> refs = new HashMap<>(orgUnits.refs(
                grants.stream().map(Grant::orgUnitId).filter(id -> id != null).toList()));
        List<UserView.GrantView> gv = grants.stream()
                .map(g -> {
                    OrgUnitRef ref = g.orgUnitId() == null ? null : refs.get(g.orgUnitId());
                    return new UserView.GrantView(
                            g.role().name(), ref == null ? null : ref.code(), ref == null ? null : ref.name());
                })
                .toList();
        return new UserView(
                u.getUsername(),
                u.getDisplayName(),
                u.getPhone(),
                u.isEnabled(),
                u.isLocked(Instant.now(clock)),
                u.isMustChangePassword(),
                gv,
                u.getVersion());
    }

    /** The audit scope of a user: the deepest common node of its grants would do; the first grant is enough. */
    private String scopeOf(AppUser user) {
        return loader.grants(user).stream()
                .map(Grant::path)
                .filter(p -> p != null)
                .findFirst()
                .orElse("/");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static InvalidInputException invalid(String field, String key) {
        return InvalidInputException.of(field, key);
    }
}
