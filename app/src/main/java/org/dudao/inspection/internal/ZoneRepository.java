package org.dudao.inspection.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ZoneRepository extends JpaRepository<Zone, Long> {

    Optional<Zone> findByCode(String code);

    @Query("select z from Zone z where z.countyPath like concat(?1, '%') order by z.countyPath, z.code")
    List<Zone> findUnder(String pathPrefix);
}
