package org.dudao.evaluation.internal;

import java.time.Instant;
import java.util.List;

/** A group's drawn experts with their answers, its draws and its observers. */
public record GroupBoard(
        Long group, String level, String name, List<Member> experts, List<DrawView> draws, List<Observer> observers) {

    /** A drawn expert: status INVITED, CONFIRMED or DECLINED. */
    public record Member(
            Long expert, String name, String field, String title, String username, String status, Instant answeredAt) {}

    /** role NPC (人大代表) or CPPCC (政协委员). */
    public record Observer(Long id, String name, String role) {}
}
