package org.wyp.kit.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * MongoDB health by {@code ping}, which real MongoDB and the MongoDB wire server both understand.
 * Spring Boot's own indicator sends {@code hello}, which mongo-java-server does not know, so a
 * service on the wire server would report DOWN although its database works.
 */
public class MongoPingHealth implements HealthIndicator {

  private final MongoClient mongo;

  public MongoPingHealth(MongoClient mongo) {
    this.mongo = mongo;
  }

  @Override
  public Health health() {
    try {
      mongo.getDatabase("admin").runCommand(new Document("ping", 1));
      return Health.up().build();
    } catch (RuntimeException e) {
      return Health.down(e).build();
    }
  }
}
