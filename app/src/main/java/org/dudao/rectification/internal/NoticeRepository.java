package org.dudao.rectification.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NoticeRepository extends JpaRepository<Notice, Long> {

    @Query("select count(n) from Notice n where n.number like concat(?1, '%')")
    long countNumbered(String prefix);
}
