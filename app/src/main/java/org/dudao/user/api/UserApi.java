package org.dudao.user.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dudao.shared.Access;
import org.dudao.shared.DudaoUser;
import org.dudao.user.internal.AccessTokens;
import org.dudao.user.internal.Accounts;
import org.dudao.user.internal.UserForm;
import org.dudao.user.internal.UserView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "用户 Users and tokens")
class UserApi {

    private final Accounts users;
    private final AccessTokens tokens;

    UserApi(Accounts users, AccessTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** Who is signed in; {@code mustChangePassword}: nothing but the password change is allowed until it is done. */
    record Me(String username, String displayName, List<String> roles, boolean mustChangePassword) {}

    @GetMapping("/api/me")
    Me me() {
        DudaoUser me = Access.currentUser();
        return new Me(
                me.username(),
                me.displayName(),
                Access.grants().stream().map(g -> g.role().name()).distinct().toList(),
                users.mustChangePassword(me.id()));
    }

    record PasswordChange(String currentPassword, String newPassword) {}

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange change) {
        users.changeOwnPassword(change.currentPassword(), change.newPassword());
    }

    @GetMapping("/api/me/tokens")
    List<AccessTokens.TokenView> myTokens() {
        return tokens.mine();
    }

    record NewToken(String name, Integer days) {}

    @PostMapping("/api/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    AccessTokens.TokenView createToken(@RequestBody NewToken request) {
        return tokens.create(request.name(), request.days());
    }

    @DeleteMapping("/api/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable Long id) {
        tokens.revoke(id);
    }

    @GetMapping("/api/users")
    List<UserView> list(@RequestParam(required = false) String q) {
        return users.list(q);
    }

    @GetMapping("/api/users/{username}")
    UserView get(@PathVariable String username) {
        return users.get(username);
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody UserForm form) {
        return users.create(form);
    }

    @PutMapping("/api/users/{username}")
    UserView update(@PathVariable String username, @RequestBody UserForm form) {
        return users.update(username, form);
    }

    record PasswordReset(String password) {}

    @PostMapping("/api/users/{username}/password-reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String username, @RequestBody PasswordReset reset) {
        users.resetPassword(username, reset.password());
    }

    @PostMapping("/api/users/{username}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@PathVariable String username) {
        users.unlock(username);
    }
}
