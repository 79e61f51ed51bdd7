package org.dudao.scheme;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SchemeRepository extends JpaRepository<Scheme, Long> {

    Optional<Scheme> findByCode(String code);

    boolean existsByCode(String code);
}
