package org.dudao.user.internal;

import java.util.List;

/**
 * Input for creating or editing a user. {@code password} and {@code mustChangePassword} (default true: a password
 * set by an administrator is temporary) are only used at creation; {@code version} is the version the editor read
 * (a stale one is refused with 409, null skips the check).
 */
public record UserForm(
        String username,
        String displayName,
        String phone,
        Boolean enabled,
        String password,
        List<UserView.GrantView> grants,
        Boolean mustChangePassword,
        Integer version) {}
