package org.dudao.inspection.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BriefingRepository extends JpaRepository<Briefing, Long> {

    @Query("select b from Briefing b where b.officePath like concat(?1, '%') order by b.createdAt desc, b.id desc")
    List<Briefing> findUnder(String pathPrefix);
}
