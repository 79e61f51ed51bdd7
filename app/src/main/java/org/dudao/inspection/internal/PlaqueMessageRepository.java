package org.dudao.inspection.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlaqueMessageRepository extends JpaRepository<PlaqueMessage, Long> {

    @Query("select m from PlaqueMessage m where m.schoolPath like concat(?1, '%') order by m.createdAt desc, m.id desc")
    List<PlaqueMessage> findUnder(String pathPrefix);
}
