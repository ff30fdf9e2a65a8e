package org.wyp.judgingservice.panel;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import org.wyp.events.judging.Stage;
import org.wyp.kit.aggregate.AggregateStore;
import org.wyp.kit.aggregate.AggregateStoreSupport;

/** Stored panels, one per round and stage. */
@Repository
public class Panels extends AggregateStore<Panel> {

  static final String COLLECTION = "panels";

  Panels(AggregateStoreSupport support) {
    super(support, Panel.class, COLLECTION);
  }

  public Optional<Panel> find(UUID roundId, Stage stage) {
    return find(Panel.id(roundId, stage));
  }

  public Panel save(Panel panel) {
    return save(panel, panel.id());
  }
}
