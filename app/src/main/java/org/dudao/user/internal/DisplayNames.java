package org.dudao.user.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.dudao.shared.PersonNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Display names for logins, read in one query per screen. */
@Service
class DisplayNames implements PersonNames {

    private final AppUserRepository users;

    DisplayNames(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> of(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (!usernames.isEmpty()) {
            users.displayNames(usernames).forEach(r -> names.put((String) r[0], (String) r[1]));
        }
        return names;
    }
}
