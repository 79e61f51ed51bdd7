package org.dudao.user.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByUsernameKey(String usernameKey);

    @Query("select u.mustChangePassword from AppUser u where u.id = ?1")
    Optional<Boolean> mustChangePassword(Long id);

    List<AppUser> findAllByOrderByUsernameAsc();

    @Query("select u.username, u.displayName from AppUser u where u.username in ?1")
    List<Object[]> displayNames(java.util.Collection<String> usernames);
}
