package org.dudao.scheme.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SchemeRepository extends JpaRepository<Scheme, Long> {

    Optional<Scheme> findByCode(String code);

    boolean existsByCode(String code);
}
