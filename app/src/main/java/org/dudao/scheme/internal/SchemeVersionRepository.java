package org.dudao.scheme.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SchemeVersionRepository extends JpaRepository<SchemeVersion, Long> {

    Optional<SchemeVersion> findBySchemeIdAndNumber(Long schemeId, int number);

    List<SchemeVersion> findBySchemeIdOrderByNumberDesc(Long schemeId);
}
