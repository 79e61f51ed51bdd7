package org.dudao.user.internal;

import java.util.List;

/** Input for creating or editing a user. {@code password} is only used at creation. */
public record UserForm(
        String username,
        String displayName,
        String phone,
        Boolean enabled,
        String password,
        List<UserView.GrantView> grants) {}
