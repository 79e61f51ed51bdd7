package org.dudao.inspection.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlaqueRevocationRepository extends JpaRepository<PlaqueRevocation, Long> {

    Optional<PlaqueRevocation> findBySchoolId(Long schoolId);

    boolean existsBySchoolId(Long schoolId);
}
