package org.dudao.inspection.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InspectorRepository extends JpaRepository<Inspector, Long> {

    @Query("select i from Inspector i where i.officePath like concat(?1, '%') order by i.officePath, i.name, i.id")
    List<Inspector> findUnder(String pathPrefix);

    List<Inspector> findByUsernameOrderByIdAsc(String username);
}
