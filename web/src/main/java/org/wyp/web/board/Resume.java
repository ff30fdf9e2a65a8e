package org.wyp.web.board;

import java.util.List;

/**
 * What a client gets on (re)connecting before live changes: either the changes it missed, or, when
 * its last event id is unknown here (first visit, another instance, too long ago), a reset and the
 * whole board.
 *
 * @param reset whether the client must forget what it has before applying {@code items}
 * @param lastEventId the id of the newest change included, to send when {@code items} is empty
 */
public record Resume(boolean reset, List<BoardItem> items, String lastEventId) {}
